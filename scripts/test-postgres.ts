/**
 * vitest globalSetup of the `postgres` project: a PostgreSQL server for the store suite.
 *
 * - `DATABASE_URL` set: that server is used (the role needs CREATEDB: each test file makes its own database).
 * - otherwise: a throwaway cluster from the system's binaries (scripts/postgres-cluster.ts), stopped and deleted
 *   in teardown.
 *
 * Tests read the admin URL with `inject('databaseUrl')` and create a fresh database per file (store.pg.test.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose role may CREATE DATABASE. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return undefined;
  }
  const cluster = await startPostgresCluster();
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
