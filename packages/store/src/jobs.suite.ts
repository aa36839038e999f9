/**
 * Jobs (issue 12 items 5 and 9, decision 023), run on both backends (jobs.pglite.test.ts, jobs.pg.test.ts): an import
 * started as a job is read and stored by a runner as the person who started it (their scope, their name in the audit
 * trail), a refusal is the job's failure with the reader's reason and stores nothing, two runners never take the same
 * job, a job whose runner vanished is taken up again when its lease runs out, and given up with a reason after its
 * last attempt.
 */
import type { Actor } from '@jixiao/core';
import { ABANDONED, getJob, getJobFile, startImportJob, startJobRunner, startOutputJob, type StoredJob } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, seedFile, SEED_002, useSuiteStore, type StoreHandle } from './testing';

const T0 = new Date('2026-12-03T02:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

export function jobsSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`jobs on ${backend}`, () => {
    let store: OpenedStore;
    let jinhua: number;
    let editor: Actor;
    let outsider: Actor;

    useSuiteStore(open, async (opened) => {
      store = opened;
      jinhua = (await importSeed002(store)).departmentId!;
      const [other] = await queryRows<{ id: number }>(store.db, sql`insert into departments (name) values ('华林街道办事处') returning id`);
      const li = await store.users.createUser({ username: 'li', displayName: '李填报', passwordHash: 'h', role: 'unit-editor', departmentId: jinhua, assignedDepartmentIds: [] });
      const wu = await store.users.createUser({ username: 'wu', displayName: '吴填报', passwordHash: 'h', role: 'unit-editor', departmentId: other!.id, assignedDepartmentIds: [] });
      editor = { userId: li.id, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId: jinhua, assignedDepartmentIds: [] };
      outsider = { userId: wu.id, username: 'wu', displayName: '吴填报', role: 'unit-editor', departmentId: other!.id, assignedDepartmentIds: [] };
    });

    /** Runs the queue dry with one runner, then stops it. */
    async function drain(runner = 'test-runner'): Promise<void> {
      const r = startJobRunner({ store }, { runner, pollMs: 20 });
      for (let i = 0; i < 500; i++) {
        const [left] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from jobs where status in ('queued', 'running')`);
        if (left!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await r.stop();
    }

    const fileOf = async (id: number) => (await queryRows<{ f: string | null }>(store.db, sql`select file_base64 as f from jobs where id = ${id}`))[0]!.f;

    it('imports a file as the person who started it: created, audited under their name and request, the file dropped', async () => {
      const { bytes } = seedFile(SEED_002);
      const job = await startImportJob({ store }, { actor: editor, requestId: 'req-job-1' }, { fileName: '金花街道目标表（作业）.txt', bytes, year: 2024 }, T0);
      expect(job).toMatchObject({ status: 'queued', kind: 'import', title: '金花街道目标表（作业）.txt', userId: editor.userId, progress: { done: 0, total: 3 } });
      expect(await fileOf(job.id)).not.toBeNull();
      await drain();
      const done = await getJob({ store }, editor, job.id);
      expect(done.status).toBe('succeeded');
      expect(done.progress).toMatchObject({ done: 3, total: 3, label: '已完成' });
      expect(done.result).toMatchObject({ status: 'created', year: 2024, departmentId: jinhua, fileName: '金花街道目标表（作业）.txt' });
      expect(done.finishedAt).not.toBeNull();
      expect(await fileOf(job.id)).toBeNull();
      const [audit] = await queryRows<{ username: string; request_id: string }>(
        store.db,
        sql`select actor_username as username, request_id from audit_events where action = 'document.import' and object_id = ${String(done.result!.documentId)}`,
      );
      expect(audit).toEqual({ username: 'li', request_id: 'req-job-1' });
    });

    it('shows a job to the person who started it and to an admin; to anyone else it does not exist', async () => {
      const job = await startImportJob({ store }, { actor: editor }, { ...seedFile(SEED_002), year: 2024 }, T0);
      await drain();
      expect((await getJob({ store }, { ...editor, role: 'admin', userId: 999 }, job.id)).id).toBe(job.id);
      expect((await rejection(getJob({ store }, outsider, job.id))).code).toBe('NOT_FOUND');
      expect((await rejection(getJob({ store }, editor, job.id + 1000))).code).toBe('NOT_FOUND');
      // The same content again through a job changes nothing, as a direct upload would.
      expect((await getJob({ store }, editor, job.id)).result).toMatchObject({ status: 'unchanged' });
    });

    it('ends a refused file as a failed job with the reader\'s reason, and one outside the person\'s department as FORBIDDEN; nothing is stored', async () => {
      const [before] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from document_versions`);
      const bad = await startImportJob({ store }, { actor: editor }, { fileName: '坏文件.xlsx', bytes: new TextEncoder().encode('这不是一个工作簿'), year: 2024 }, T0);
      const foreign = await startImportJob({ store }, { actor: outsider }, { fileName: '别的街道.txt', bytes: seedFile(SEED_002).bytes, year: 2025 }, T0);
      await drain();
      const refused = await getJob({ store }, editor, bad.id);
      expect(refused.status).toBe('failed');
      expect(refused.error?.code).toBe('BAD_INPUT');
      expect(refused.error?.message).toMatch(/^坏文件\.xlsx: /);
      const forbidden = await getJob({ store }, outsider, foreign.id);
      expect(forbidden.error).toMatchObject({ code: 'FORBIDDEN' });
      expect(forbidden.error?.message).toContain('只能导入本部门');
      const [after] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from document_versions`);
      expect(after!.n).toBe(before!.n);
      expect(await fileOf(bad.id)).toBeNull();
    });

    it('refuses an empty file before it is queued', async () => {
      const e = await rejection(startImportJob({ store }, { actor: editor }, { fileName: '空.txt', bytes: new Uint8Array(), year: 2024 }, T0));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toContain('空.txt');
    });

    it('lets only one of two runners claim a job, and each of several jobs is run once', async () => {
      const queued: StoredJob[] = [];
      for (let i = 0; i < 4; i++) queued.push(await startImportJob({ store }, { actor: editor }, { fileName: `并发${i}.txt`, bytes: seedFile(SEED_002).bytes, year: 2024 }, T0));
      const claims = await Promise.all([store.jobs.claimNext('a', T0, later(60_000), 2), store.jobs.claimNext('b', T0, later(60_000), 2)]);
      expect(claims.filter(Boolean)).toHaveLength(2);
      expect(new Set(claims.map((c) => c!.id)).size).toBe(2);
      // Give the two claimed back to the queue as if never taken, then let two runners race over all four.
      await store.db.execute(sql`update jobs set status = 'queued', claimed_by = null, attempts = 0 where id in (${claims[0]!.id}, ${claims[1]!.id})`);
      const a = startJobRunner({ store }, { runner: 'server-a', pollMs: 10 });
      const b = startJobRunner({ store }, { runner: 'server-b', pollMs: 10 });
      await drain('server-c');
      await Promise.all([a.stop(), b.stop()]);
      const rows = await queryRows<{ status: string; attempts: number }>(store.db, sql`select status, attempts from jobs where id in (${sql.join(queued.map((q) => sql`${q.id}`), sql`, `)})`);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
    });

    it('takes up a job again when its runner vanished, refuses the vanished runner\'s late answer, and gives up after the last attempt', async () => {
      const job = await startImportJob({ store }, { actor: editor }, { fileName: '中断.txt', bytes: seedFile(SEED_002).bytes, year: 2024 }, T0);
      const first = await store.jobs.claimNext('gone', T0, later(1_000), 2);
      expect(first?.id).toBe(job.id);
      expect(await store.jobs.claimNext('other', later(500), later(60_000), 2)).toBeNull();
      const second = await store.jobs.claimNext('other', later(2_000), later(62_000), 2);
      expect(second).toMatchObject({ id: job.id, attempts: 2, claimedBy: 'other' });
      expect(second!.file).not.toBeNull();
      expect(await store.jobs.heartbeat(job.id, 'gone', { done: 1, total: 3, label: 'x' }, later(90_000))).toBe(false);
      expect(await store.jobs.finish(job.id, 'gone', { status: 'succeeded', result: {} }, { done: 3, total: 3, label: '已完成' }, later(3_000))).toBe(false);
      // The second runner vanishes too: after its lease, nobody claims it again and it fails with the reason.
      expect(await store.jobs.claimNext('third', later(70_000), later(130_000), 2)).toBeNull();
      expect(await store.jobs.failAbandoned(later(70_000), 2, ABANDONED)).toBe(1);
      const ended = await getJob({ store }, editor, job.id);
      expect(ended).toMatchObject({ status: 'failed', error: ABANDONED });
      expect(await fileOf(job.id)).toBeNull();
    });

    it('generates a document as a job, keeps the file with it for its owner, and refuses one outside their departments', async () => {
      const [doc] = await store.documents.listDocuments({ departmentId: jinhua });
      const job = await startOutputJob({ store }, { actor: editor }, { format: 'template', id: doc!.id }, T0);
      expect(job).toMatchObject({ kind: 'output', status: 'queued', resultFile: null });
      await drain();
      const done = await getJob({ store }, editor, job.id);
      expect(done).toMatchObject({ status: 'succeeded', resultFile: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
      const file = await getJobFile({ store }, editor, job.id);
      expect(file.fileName).toMatch(/\.xlsx$/);
      expect(done.result).toMatchObject({ format: 'template', size: file.bytes.length });
      expect(String.fromCharCode(file.bytes[0]!, file.bytes[1]!)).toBe('PK');
      expect((await rejection(getJobFile({ store }, outsider, job.id))).code).toBe('NOT_FOUND');
      expect((await rejection(startOutputJob({ store }, { actor: outsider }, { format: 'template', id: doc!.id }, T0))).code).toBe('NOT_FOUND');
      expect((await rejection(startOutputJob({ store }, { actor: editor }, { format: 'nope', id: doc!.id }, T0))).code).toBe('BAD_INPUT');
    });

    it('lists a person\'s newest jobs first and deletes finished jobs older than the cut-off', async () => {
      const mine = await store.jobs.listForUser(editor.userId, 3);
      expect(mine).toHaveLength(3);
      expect(mine[0]!.id).toBeGreaterThan(mine[1]!.id);
      expect((await store.jobs.listForUser(outsider.userId, 10)).every((j) => j.userId === outsider.userId)).toBe(true);
      const [{ n: finished }] = (await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from jobs where status in ('succeeded', 'failed')`)) as [{ n: number }];
      expect(await store.jobs.deleteFinished(new Date('2000-01-01T00:00:00Z'))).toBe(0);
      expect(await store.jobs.deleteFinished(new Date('2100-01-01T00:00:00Z'))).toBe(finished);
    });
  });
}
