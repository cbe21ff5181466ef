// The suite with one PostgreSQL server for the whole run (SPEC §14):
//   npm run build && npx vitest run --config test/vitest.postgres.config.ts
// The global setup starts the server and makes the template database each
// tempDb() copies (test/helpers.ts); tests inject('pgUrl'); the server is
// stopped and removed afterwards even when tests fail. The setup file drops
// each test file's databases when it ends.
import { suiteConfig } from './vitest.config.js';

export default suiteConfig('postgres', {
  globalSetup: [new URL('./support/pg-global-setup.ts', import.meta.url).pathname],
  setupFiles: [new URL('./support/pg-setup-file.ts', import.meta.url).pathname],
});
