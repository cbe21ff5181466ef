// vitest globalSetup: one throwaway PostgreSQL for the whole run when the
// suite runs on the server engine (COMPLAINTS_TEST_ENGINE=postgres), with the
// template database every tempDb() is copied from (pg-template.ts). Tests
// read its URL with inject('pgUrl') (workers) or COMPLAINTS_TEST_PG_URL
// (processes they spawn); the returned teardown stops it and removes its
// folder, which vitest runs whether tests passed or failed (an interrupted
// run stops it on exit: see pg-cluster.ts). Without the
// variable it starts nothing, and the tests under test/pg/ start their own.
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster.js';
import { makeTemplate } from './pg-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | undefined;
  }
}

export default async function setup(project: Pick<TestProject, 'provide'>): Promise<(() => Promise<void>) | undefined> {
  if (process.env.COMPLAINTS_TEST_ENGINE !== 'postgres') return undefined;
  const cluster = await startCluster();
  try {
    await makeTemplate(cluster);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  project.provide('pgUrl', cluster.url);
  process.env.COMPLAINTS_TEST_PG_URL = cluster.url;
  return async () => {
    delete process.env.COMPLAINTS_TEST_PG_URL;
    await cluster.stop();
  };
}
