/**
 * Backup and restore on either backend: the five seeds imported, published through the workflow (users, workflow
 * transitions, publications, the audit chain), dumped while the store is open, restored into a fresh empty store;
 * every table's rows and every document's export must come back exactly, the next id must follow the restored
 * ones, and a non-empty target or a damaged file must be refused before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { getAttachmentFile, seedDemoData, seedDemoRectifications, seedDemoUsers, seedDemoWorkflow } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, restoreDatabase } from './backup';
import { listTables, orderBy, quoteIdent } from './backup/tables';
import { queryRows, sql } from './db';
import type { OpenedStore } from './open-store';
import { rejection, type StoreHandle } from './testing';

const SEEDS = fileURLToPath(new URL('../../../fixtures/seeds', import.meta.url));

/** Every table of `public` as its rows' text, in key order. */
async function snapshot(store: OpenedStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(store.db)) {
    const rows = await queryRows<{ r: string }>(store.db, sql.raw(`select to_jsonb(t)::text as r from ${quoteIdent(t.name)} t order by ${orderBy(t, 't')}`));
    out[t.name] = rows.map((r) => r.r);
  }
  return out;
}

async function exportAll(store: OpenedStore): Promise<string> {
  const docs = (await store.documents.listDocuments()).sort((a, b) => a.id - b.id);
  const out = [];
  for (const d of docs) out.push({ id: d.id, document: (await store.documents.getDocument(d.id)).document });
  return JSON.stringify(out);
}

async function dumpTo(store: OpenedStore, file: string) {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file));
  const header = await dumpDatabase(store, gzip);
  gzip.end();
  await done;
  return header;
}

export function backupSuite(label: string, open: () => Promise<StoreHandle>): void {
  describe(`backup and restore (${label})`, () => {
    let source: StoreHandle;
    let dir: string;
    const file = () => join(dir, 'db.jixiao-backup');
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
      source = await open();
      const store = source.store;
      const report = await seedDemoData(store, SEEDS);
      await seedDemoUsers({ store });
      await seedDemoWorkflow({ store }, report);
      // 整改 with a PDF of 佐证材料 (bytea): a backup must carry the file itself.
      await seedDemoRectifications({ store }, report);
    });
    afterAll(async () => {
      await source?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores every row of every table exactly into an empty store, and ids continue after the restored ones', async () => {
      const header = await dumpTo(source.store, file());
      expect(header.backend).toBe(source.store.kind);
      expect(header.tables).toMatchObject({ documents: 6, audit_events: expect.any(Number) });
      expect(header.tables.workflow_transitions).toBeGreaterThan(0);
      expect(header.tables.users).toBeGreaterThan(0);
      // Referenced tables first: a version after its document.
      const order = Object.keys(header.tables);
      expect(order.indexOf('documents')).toBeLessThan(order.indexOf('document_versions'));

      const target = await open();
      try {
        const result = await restoreDatabase(target.store.db, file());
        expect(result.rows).toBe(Object.values(header.tables).reduce((a, b) => a + b, 0));
        expect(await snapshot(target.store)).toEqual(await snapshot(source.store));
        expect(await exportAll(target.store)).toBe(await exportAll(source.store));
        const [next] = await queryRows<{ id: number }>(target.store.db, sql`insert into departments (name) values ('恢复后新建的部门') returning id`);
        const [max] = await queryRows<{ id: number }>(source.store.db, sql`select max(id)::int as id from departments`);
        expect(next!.id).toBe(max!.id + 1);
      } finally {
        await target.dispose();
      }
    });

    it('carries the 佐证材料 themselves: an attachment comes back byte for byte with its sha256', async () => {
      const header = await dumpTo(source.store, file());
      expect(header.tables.attachments).toBeGreaterThan(0);
      const [row] = await queryRows<{ id: number }>(source.store.db, sql`select id from attachments order by id limit 1`);
      const admin = { userId: 1, username: 'a', displayName: 'a', role: 'admin' as const, departmentId: null, assignedDepartmentIds: [] };
      const before = await getAttachmentFile({ store: source.store }, admin, { id: row!.id });
      expect(before.bytes.byteLength).toBe(before.attachment.size);
      const target = await open();
      try {
        await restoreDatabase(target.store.db, file());
        const after = await getAttachmentFile({ store: target.store }, admin, { id: row!.id });
        expect(after.attachment).toEqual(before.attachment);
        expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
        expect(createHash('sha256').update(after.bytes).digest('hex')).toBe(before.attachment.sha256);
        expect(new TextDecoder().decode(after.bytes.subarray(0, 5))).toBe('%PDF-');
      } finally {
        await target.dispose();
      }
    });

    it('refuses to restore into a store that has data, naming what is there', async () => {
      const e = await rejection(restoreDatabase(source.store.db, file()));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toMatch(/documents 6 行/);
    });

    it('refuses a damaged or cut-off file before writing anything', async () => {
      const text = gunzipSync(readFileSync(file())).toString('utf8');
      const lines = text.split('\n');
      // One digit changed inside a row: still valid JSON, wrong checksum.
      const i = lines.findIndex((l) => l.startsWith('{"t":"documents"'));
      const changed = [...lines];
      changed[i] = changed[i]!.replace(/"id":\s*(\d)/, (_m, d: string) => `"id": ${(Number(d) + 1) % 10}`);
      expect(changed[i]).not.toBe(lines[i]);
      const cases: Array<[string, Buffer, RegExp]> = [
        ['changed.jixiao-backup', gzipSync(changed.join('\n')), /校验和/],
        ['cut.jixiao-backup', gzipSync(lines.slice(0, -3).join('\n')), /结束行|不完整/],
        ['truncated-gzip.jixiao-backup', readFileSync(file()).subarray(0, 200), /损坏或不完整|缺少结束行/],
      ];
      const target = await open();
      try {
        for (const [name, bytes, why] of cases) {
          writeFileSync(join(dir, name), bytes);
          const e = await rejection(restoreDatabase(target.store.db, join(dir, name)));
          expect(e.code).toBe('BAD_INPUT');
          expect(e.message).toMatch(why);
        }
        const counts = await queryRows<{ n: number }>(target.store.db, sql`select count(*)::int as n from documents`);
        expect(counts[0]!.n).toBe(0);
      } finally {
        await target.dispose();
      }
    });
  });
}
