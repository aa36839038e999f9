/**
 * Fresh, empty, migrated stores for tests and the import benchmark, with no test framework behind them (the
 * benchmark measures its own process's memory): PGlite in a new temp data dir, or a new database on a PostgreSQL
 * server whose role may CREATE DATABASE. `dispose()` closes the store and deletes what was made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PostgresSettings } from './db';
import { openStore, type OpenedStore } from './open-store';
import { pgliteTemplate } from './pglite-template';

export interface StoreHandle {
  store: OpenedStore;
  /** Close the store and remove what the factory made (temp dir, database). */
  dispose(): Promise<void>;
}

/** PGlite in a new temp dir named `<prefix>XXXXXX`, a copy of the migrated template (pglite-template.ts). */
export async function freshPgliteStore(prefix: string): Promise<StoreHandle> {
  const pgliteTemplateDir = await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore({ dataDir: dir, pgliteTemplate: pgliteTemplateDir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database `name` on the server at `adminUrl`, dropped (with force) on dispose. */
export async function freshPostgresStore(adminUrl: string, name: string, postgres?: PostgresSettings): Promise<StoreHandle> {
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), ...(postgres ? { postgres } : {}) });
  return {
    store,
    async dispose() {
      await store.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A new, empty database on the server of `adminUrl` (for tests that start servers of their own on it). */
export async function createDatabase(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
}
