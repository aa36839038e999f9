/**
 * PostgreSQL settings an operator sets per app server (issue 12 item 7): the statement timeout ends a runaway
 * query on the server and frees its connection; the pool serves as many queries at once as it has connections.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from './db';
import { freshPostgresStore, type StoreHandle } from './fresh-store';

describe('PostgreSQL pool size and statement timeout', () => {
  let handle: StoreHandle;
  beforeAll(async () => {
    handle = await freshPostgresStore(inject('databaseUrl'), `jixiao_pg_settings_${process.pid}_${Date.now().toString(36)}`, { poolSize: 3, statementTimeoutMs: 300 });
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it('cancels a statement that runs past the timeout, and the next query runs', async () => {
    const slow = await queryRows(handle.store.db, sql`select pg_sleep(2)`).catch((e: unknown) => e);
    expect(String((slow as { cause?: unknown }).cause ?? slow)).toMatch(/statement timeout|canceling statement/);
    expect(await queryRows<{ one: number }>(handle.store.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('runs as many statements at once as the pool has connections', async () => {
    const pids = await Promise.all(Array.from({ length: 3 }, () => queryRows<{ pid: number }>(handle.store.db, sql`select pg_backend_pid() as pid, pg_sleep(0.1)`)));
    expect(new Set(pids.map((r) => r[0]!.pid)).size).toBe(3);
    const [{ setting }] = (await queryRows<{ setting: string }>(handle.store.db, sql`select current_setting('statement_timeout') as setting`)) as [{ setting: string }];
    expect(setting).toBe('300ms');
  });
});
