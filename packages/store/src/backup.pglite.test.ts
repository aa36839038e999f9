/** The backup suite on PGlite in temp data dirs, plus a backup from an older schema restored by this program. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dumpDatabase, restoreBackup } from './backup';
import { backupSuite } from './backup.suite';
import { programMigrations, queryRows, sql } from './db';
import { openStore } from './open-store';
import { rejection, pgliteTestStore } from './testing';

backupSuite('PGlite', () => pgliteTestStore('backup'));

describe('a backup from an older schema', () => {
  it('is restored at its own schema version, then migrated to this program’s; a newer one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-old-'));
    try {
      const older = programMigrations() - 1;
      const old = await openStore({ dataDir: join(dir, 'old'), migrations: older });
      await old.db.execute(sql`insert into departments (name) values ('旧版本的部门')`);
      const file = join(dir, 'old.jixiao-backup');
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(file));
      const header = await dumpDatabase(old, gzip);
      gzip.end();
      await written;
      await old.close();
      expect(header.schema.migrations).toBe(older);

      const result = await restoreBackup({ dataDir: join(dir, 'new') }, file, '新数据目录');
      expect(result.migrated).toBe(1);
      const store = await openStore({ dataDir: join(dir, 'new') });
      try {
        const rows = await queryRows<{ name: string }>(store.db, sql`select name from departments`);
        expect(rows.map((r) => r.name)).toEqual(['旧版本的部门']);
        const [applied] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(applied!.n).toBe(programMigrations());
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a backup newer than this program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-new-'));
    try {
      const store = await openStore({ dataDir: join(dir, 'src') });
      const file = join(dir, 'x.jixiao-backup');
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(file));
      // Pretend the schema has one more migration than this program knows.
      await store.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', 99999999999999)`);
      await dumpDatabase(store, gzip);
      gzip.end();
      await written;
      await store.close();
      const e = await rejection(restoreBackup({ dataDir: join(dir, 'dst') }, file, '新数据目录'));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toMatch(/比本程序（迁移 \d+）新/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
