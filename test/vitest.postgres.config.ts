// The suite with one PostgreSQL server for the whole run (SPEC §14):
//   npm run build && npx vitest run --config test/vitest.postgres.config.ts
// The global setup starts the server, tests inject('pgUrl'), and it is
// stopped and removed afterwards even when tests fail.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

process.env.COMPLAINTS_TEST_ENGINE ??= 'postgres';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: [new URL('./support/pg-global-setup.ts', import.meta.url).pathname],
    },
  }),
);
