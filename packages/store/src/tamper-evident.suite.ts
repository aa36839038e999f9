/**
 * Tamper-evident records (decision 013), run on both backends (tamper-evident.pglite.test.ts, .pg.test.ts): the five
 * history tables refuse UPDATE, DELETE and TRUNCATE; the audit trail is a hash chain that `verifyAuditChain` walks,
 * naming the first entry changed or missing after someone went behind the triggers' back (as the tables' owner or a
 * superuser can), and a verbatim copy of the rows verifies again; concurrent appends never fork the chain.
 */
import type { AuditEntry } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './audit-chain';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { importSeed002, useSuiteStore, type StoreHandle } from './testing';

/** What the database said when a statement failed (drizzle wraps it; the cause carries PostgreSQL's message). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no failure';
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    return cause instanceof Error ? cause.message : String(cause);
  }
}

const who = { userId: null, username: 'system', displayName: '系统' };

/** Entries with the values jsonb reorders or reformats: keys out of order, nesting, Chinese text, decimals, nulls. */
const ENTRIES: AuditEntry[] = [
  { actor: who, action: 'document.import', objectType: 'document', objectId: '1', before: null, after: { version: 1, 名称: '金花街道' }, requestId: 'r1' },
  { actor: { userId: 3, username: 'li', displayName: '李填报' }, action: 'document.edit', objectType: 'document', objectId: '1', before: { z: 1, a: [1, 2.5, { y: null, b: '乙' }] }, after: { a: [], z: 1e21 }, requestId: 'r2' },
  { actor: who, action: 'user.create', objectType: 'user', objectId: '7', before: null, after: { username: 'x', skipped: undefined }, requestId: null },
  { actor: who, action: 'workflow.submit', objectType: 'document', objectId: '1', before: 'draft', after: 'submitted', requestId: 'r4' },
  { actor: who, action: 'period.lock', objectType: 'period', objectId: '2024', before: { locked: false }, after: { locked: true, reason: '年度结账 "引号" \\ 反斜杠' }, requestId: 'r5' },
  { actor: who, action: 'publish', objectType: 'document', objectId: '1', before: null, after: { version: 1 }, requestId: 'r6' },
  { actor: who, action: 'evaluation.save', objectType: 'evaluation', objectId: '2', before: { score: 89.75 }, after: { score: 90 }, requestId: 'r7' },
];

interface LinkRow {
  id: number | string;
  prev_hash: string | null;
  hash: string | null;
}

const links = (store: OpenedStore) => queryRows<LinkRow>(store.db, sql`select id, prev_hash, hash from audit_events order by id`);
const ids = async (store: OpenedStore) => (await links(store)).map((r) => Number(r.id));

/** Runs `statement` on audit_events with its user triggers disabled, in one transaction, as an owner could. */
async function behindTheTriggers(store: OpenedStore, statement: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    await tx.execute(sql.raw('alter table audit_events disable trigger user'));
    await tx.execute(sql.raw(statement));
    await tx.execute(sql.raw('alter table audit_events enable trigger user'));
  });
}

export function tamperEvidentSuite(backend: string, open: () => Promise<StoreHandle>, openAnother: () => Promise<StoreHandle>): void {
  describe(`tamper-evident records on ${backend}`, () => {
    let store: OpenedStore;
    useSuiteStore(open, (opened) => {
      store = opened;
    });

    it('links every appended entry to the one before, from the genesis hash, and verifies in any batch size', async () => {
      for (const entry of ENTRIES) await store.audit.append(entry);
      const rows = await links(store);
      expect(rows).toHaveLength(ENTRIES.length);
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
      for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);

      const whole = await store.verifyAuditChain();
      expect(whole).toEqual({ ok: true, count: ENTRIES.length, legacy: 0, lastHash: rows.at(-1)!.hash });
      // Batches of 3 and of 1 cross the batch boundary inside the chain.
      expect(await store.verifyAuditChain({ batchSize: 3 })).toEqual(whole);
      expect(await store.verifyAuditChain({ batchSize: 1 })).toEqual(whole);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on each of the five history tables', async () => {
      await importSeed002(store);
      const [doc] = await queryRows<{ id: number; version_id: number }>(store.db, sql`select id, current_version_id as version_id from documents limit 1`);
      await store.db.execute(sql`insert into publications (object_type, object_id, document_id, version, actor_username, actor_display_name) values ('targets', ${doc!.id}, ${doc!.id}, 1, 'wang', '王审核')`);
      await store.db.execute(sql`insert into period_locks (period, locked, reason, actor_username, actor_display_name) values ('2024', true, '年度结账', 'wang', '王审核')`);
      await store.db.execute(
        sql`insert into workflow_transitions (object_type, object_id, action, from_status, to_status, round, version, actor_username, actor_display_name, actor_role)
            values ('document', ${doc!.id}, 'submit', 'draft', 'submitted', 1, 1, 'li', '李填报', 'unit-editor')`,
      );
      await store.db.execute(sql`insert into review_decisions (document_id, version_id, type, finding_key, decided_by) values (${doc!.id}, ${doc!.version_id}, 'accept', 'k1', '王审核')`);

      for (const table of ['audit_events', 'publications', 'period_locks', 'workflow_transitions', 'review_decisions']) {
        const count = async () => Number((await queryRows<{ n: number | string }>(store.db, sql.raw(`select count(*) as n from ${table}`)))[0]!.n);
        const before = await count();
        // The table's name is in the subject so a failure says which table let the statement through.
        expect(`${table}: ${before}`).not.toBe(`${table}: 0`);
        for (const statement of [`update ${table} set id = id`, `delete from ${table}`, `truncate ${table}`]) {
          expect(`${statement}: ${await failure(store.db.execute(sql.raw(statement)))}`).toMatch(new RegExp(`^${statement}: ${table} is append-only: (UPDATE|DELETE|TRUNCATE) refused`));
        }
        expect(`${table}: ${await count()}`).toBe(`${table}: ${before}`);
      }
      expect((await store.verifyAuditChain()).ok).toBe(true);
    });

    it('names the entry whose content was changed behind the triggers, and verifies again once it is put back', async () => {
      const [, , third] = await ids(store);
      const changes = [
        [`after = '{"username": "y"}'::jsonb`, `after = '{"username": "x"}'::jsonb`],
        [`at = at + interval '1 microsecond'`, `at = at - interval '1 microsecond'`],
        [`actor_display_name = '别人'`, `actor_display_name = '系统'`],
        [`request_id = 'r3'`, `request_id = null`],
      ] as const;
      for (const [change, undo] of changes) {
        await behindTheTriggers(store, `update audit_events set ${change} where id = ${third}`);
        const report = await store.verifyAuditChain({ batchSize: 2 });
        expect({ change, ...report }).toMatchObject({ change, ok: false, count: 2, firstBrokenId: third, action: 'user.create', kind: 'content', reason: expect.stringMatching(/^内容被改动：第 \d+ 条记录/) });
        await behindTheTriggers(store, `update audit_events set ${undo} where id = ${third}`);
        expect({ change, ...(await store.verifyAuditChain()) }).toMatchObject({ change, ok: true });
      }
      // A forged hash, or the hash columns cleared, on an entry written after the chain began: named as well.
      const [row] = await queryRows<LinkRow>(store.db, sql`select id, prev_hash, hash from audit_events where id = ${third}`);
      await behindTheTriggers(store, `update audit_events set hash = '${'f'.repeat(64)}' where id = ${third}`);
      expect(await store.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenId: third, kind: 'content' });
      await behindTheTriggers(store, `update audit_events set hash = '${row!.hash}' where id = ${third}`);
      await behindTheTriggers(store, `update audit_events set hash = null, prev_hash = null where id = ${third}`);
      expect(await store.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenId: third, kind: 'unhashed' });
      await behindTheTriggers(store, `update audit_events set hash = '${row!.hash}', prev_hash = '${row!.prev_hash}' where id = ${third}`);
      expect((await store.verifyAuditChain()).ok).toBe(true);
    });

    it('names the entry after a deleted one (or the first, when the head is gone), and a verbatim copy verifies', async () => {
      const all = await ids(store);
      for (const [gone, next, count] of [
        [all[3]!, all[4]!, 3],
        [all[0]!, all[1]!, 0],
      ] as const) {
        await store.db.execute(sql.raw(`create table audit_kept as select * from audit_events where id = ${gone}`));
        await behindTheTriggers(store, `delete from audit_events where id = ${gone}`);
        const report = await store.verifyAuditChain({ batchSize: 2 });
        expect(report).toMatchObject({ ok: false, count, firstBrokenId: next, kind: 'missing', reason: expect.stringMatching(/^缺少记录/) });
        // Restoring the row verbatim (what a backup's restore does) needs no trigger bypass: INSERT is allowed.
        await store.db.execute(sql.raw('insert into audit_events select * from audit_kept'));
        await store.db.execute(sql.raw('drop table audit_kept'));
        expect(await store.verifyAuditChain()).toMatchObject({ ok: true, count: all.length });
      }
    });

    it('keeps one chain under 20 concurrent appends', async () => {
      const before = (await links(store)).length;
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.audit.append({ ...ENTRIES[i % ENTRIES.length]!, requestId: `c${i}` })));
      const rows = await links(store);
      expect(rows).toHaveLength(before + 20);
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
      expect(await store.verifyAuditChain({ batchSize: 7 })).toMatchObject({ ok: true, count: before + 20, lastHash: rows.at(-1)!.hash });
    });
  });

  describe(`audit entries from before the chain on ${backend}`, () => {
    let store: OpenedStore;
    useSuiteStore(openAnother, (opened) => {
      store = opened;
    });

    /** Entries as migration 0006 finds them: no hash columns filled in. */
    const legacyInsert = (n: number) =>
      store.db.execute(
        sql`insert into audit_events (at, actor_username, actor_display_name, action, object_type, object_id, before, after, request_id)
            values (now(), 'system', '系统', ${`legacy.${n}`}, 'document', ${String(n)}, null, ${JSON.stringify({ n })}::jsonb, null)`,
      );

    it('chains the first new entry to the old ones as a group, and notices when one of them changes', async () => {
      for (let n = 1; n <= 3; n++) await legacyInsert(n);
      expect(await store.verifyAuditChain()).toEqual({ ok: true, count: 3, legacy: 3, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const head = await store.verifyAuditChain();
      await store.audit.append(ENTRIES[0]!);
      await store.audit.append(ENTRIES[1]!);
      const rows = await links(store);
      expect(rows.slice(0, 3).every((r) => r.hash === null)).toBe(true);
      expect(rows[3]!.prev_hash).toBe(head.ok ? head.lastHash : 'unreachable');
      expect(rows[3]!.prev_hash).not.toBe(GENESIS_HASH);
      expect(await store.verifyAuditChain({ batchSize: 2 })).toMatchObject({ ok: true, count: 5, legacy: 3 });

      const [first] = await ids(store);
      await behindTheTriggers(store, `update audit_events set after = '{"n": 100}'::jsonb where id = ${first}`);
      expect(await store.verifyAuditChain()).toMatchObject({ ok: false, count: 3, legacy: 3, firstBrokenId: Number(rows[3]!.id), kind: 'link' });
      await behindTheTriggers(store, `update audit_events set after = '{"n": 1}'::jsonb where id = ${first}`);
      expect((await store.verifyAuditChain()).ok).toBe(true);
    });
  });
}
