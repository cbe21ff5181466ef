import { defineConfig } from 'vitest/config';

/**
 * The suite's settings for one engine. CI (.ci/run) asks each run for a JSON
 * report in COMPLAINTS_TEST_REPORTS, one file per engine (<engine>.json), and
 * adds up both: `npm test` makes two vitest runs, and flags given to it would
 * reach only the last.
 */
export function suiteConfig(engine: 'sqlite' | 'postgres', extra: { globalSetup?: string[]; setupFiles?: string[] } = {}) {
  process.env.COMPLAINTS_TEST_ENGINE = engine;
  const reports = process.env.COMPLAINTS_TEST_REPORTS;
  return defineConfig({
    test: {
      root: new URL('..', import.meta.url).pathname,
      include: ['test/**/*.test.ts'],
      // End-to-end tests spawn the built binary; give them room on a 2-core machine.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      ...(reports ? { reporters: ['default', 'json'], outputFile: { json: `${reports}/${engine}.json` } } : {}),
      ...extra,
    },
  });
}

// The suite on SQLite files; test/vitest.postgres.config.ts runs it again on a server.
export default suiteConfig('sqlite');
