/**
 * The rectification (整改) and evidence (佐证材料) store suite, run on both backends (rectification.pglite.test.ts,
 * rectification.pg.test.ts), through the services commands: an item from an outside inspection issued, fed back with
 * a PDF, returned, fed back again and verified, with its history and audit; the file's bytes and sha256 as given; a
 * lying extension refused with nothing stored; two reviewers verifying at once (one wins); the scoped, filtered list
 * and the open items results use asks about; the history and the files append-only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor, Role } from '@jixiao/core';
import {
  createRectification,
  demoPdf,
  feedbackRectification,
  getAttachmentFile,
  getRectification,
  hasOpenRectifications,
  listOpenRectifications,
  listRectifications,
  moveRectification,
} from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import { queryRows, sql } from './db';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, useSuiteStore, type StoreHandle } from './testing';

const as = (a: Actor) => ({ actor: a, requestId: 'suite' });
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const XLSX = new Uint8Array(readFileSync(new URL('../../../fixtures/layout/project-targets.xlsx', import.meta.url)));
const NOW = new Date('2025-03-01T02:00:00Z');
const LATER = new Date('2025-07-15T02:00:00Z');

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no failure';
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    return cause instanceof Error ? cause.message : String(cause);
  }
}

export function rectificationSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`rectification and evidence on ${backend}`, () => {
    let store: OpenedStore;
    let departmentId: number;
    let otherDepartmentId: number;
    const actor = (role: Role, displayName: string, userId: number, department?: number): Actor => ({
      userId,
      username: `u${userId}`,
      displayName,
      role,
      departmentId: role.startsWith('unit') ? (department ?? departmentId) : null,
      assignedDepartmentIds: [],
    });
    let reviewer: Actor, reviewer2: Actor, editor: Actor, outsider: Actor;
    const draft = (extra: Partial<Parameters<typeof createRectification>[2]> = {}) => ({
      departmentId,
      unitName: '金花街道办事处',
      responsiblePerson: '社会事务办',
      problem: '重复发放慰问金 22,000 元',
      basis: '区委巡察组反馈意见',
      measures: '追回并建立发放台账',
      deadline: '2025-06-30',
      projectName: '长者饭堂运营',
      sourceKind: 'inspection' as const,
      sourceReference: '荔巡反〔2024〕3号',
      ...extra,
    });

    useSuiteStore(open, async (opened) => {
      store = opened;
      departmentId = (await importSeed002(store)).departmentId!;
      const [other] = await queryRows<{ id: number }>(store.db, sql`insert into departments (name) values ('花地街道办事处') returning id`);
      otherDepartmentId = other!.id;
      reviewer = actor('finance-reviewer', '王财政', 1);
      reviewer2 = actor('finance-reviewer', '周财政', 2);
      editor = actor('unit-editor', '李填报', 3);
      outsider = actor('unit-editor', '花地填报', 4, otherDepartmentId);
    });

    it('goes issued → fed back with a PDF → returned → fed back again → verified, with its history, files and audit', async () => {
      const created = await createRectification({ store }, as(reviewer), { ...draft(), issue: true }, NOW);
      expect(created).toMatchObject({ status: 'issued', statusLabel: '整改中', daysLeft: 121, overdue: false, department: expect.stringContaining('金花') });
      expect(created.actions).toEqual([]);
      const pdf = demoPdf('first feedback');
      const fed = await feedbackRectification({ store }, as(editor), { id: created.id, revision: created.revision, text: '已追回 22,000 元', files: [{ fileName: '追回凭证.pdf', bytes: pdf }] }, NOW);
      expect(fed.status).toBe('fed-back');
      expect(fed.attachments).toEqual([expect.objectContaining({ fileName: '追回凭证.pdf', type: 'pdf', size: pdf.byteLength, sha256: sha256Of(pdf), by: '李填报' })]);
      const asReviewer = await getRectification({ store }, reviewer, { id: created.id }, NOW);
      expect(asReviewer.actions.map((a) => a.action)).toEqual(['verify', 'return']);
      const returned = await moveRectification({ store }, as(reviewer), { id: created.id, action: 'return', revision: fed.revision, text: '缺发放台账' }, NOW);
      expect(returned.statusLabel).toBe('退回整改');
      const again = await feedbackRectification({ store }, as(editor), { id: created.id, revision: returned.revision, text: '补充发放台账', files: [{ fileName: '台账.xlsx', bytes: XLSX }] }, NOW);
      const verified = await moveRectification({ store }, as(reviewer), { id: created.id, action: 'verify', revision: again.revision, text: '同意销号' }, NOW);
      expect(verified).toMatchObject({ status: 'verified', round: 2, verifiedAt: expect.any(String) });
      expect(verified.history.map((h) => `${h.fromLabel}→${h.toLabel}:${h.by.displayName}`)).toEqual(['待下发→整改中:王财政', '整改中→已反馈:李填报', '已反馈→退回整改:王财政', '退回整改→已反馈:李填报', '已反馈→已销号:王财政']);
      expect(verified.history[1]!.attachments.map((a) => a.fileName)).toEqual(['追回凭证.pdf']);
      expect(verified.history[3]!.attachments.map((a) => a.type)).toEqual(['xlsx']);
      const file = await getAttachmentFile({ store }, editor, { id: fed.attachments[0]!.id });
      expect(Buffer.from(file.bytes).equals(Buffer.from(pdf))).toBe(true);
      const audit = await store.audit.listAudit({ objectId: String(created.id), limit: 20 });
      expect(audit.items.filter((a) => a.objectType === 'rectification').map((a) => a.action).reverse()).toEqual([
        'rectification.create',
        'rectification.issue',
        'rectification.feedback',
        'rectification.return',
        'rectification.feedback',
        'rectification.verify',
      ]);
    });

    it('refuses a file whose content is not what its name says, naming it, and stores nothing', async () => {
      const item = await createRectification({ store }, as(reviewer), { ...draft({ problem: '采购合同未公开' }), issue: true }, NOW);
      const before = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from attachments`);
      const e = await rejection(feedbackRectification({ store }, as(editor), { id: item.id, revision: item.revision, text: '已公开', files: [{ fileName: '公开截图.png', bytes: demoPdf('not a png') }] }, NOW));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toContain('「公开截图.png」');
      expect(e.message).toContain('实际是PDF');
      const after = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from attachments`);
      expect(after[0]!.n).toBe(before[0]!.n);
      expect((await store.rectifications.get(item.id)).status).toBe('issued');
    });

    it('lets one of two reviewers verifying at once win; the other is told who did', async () => {
      const item = await createRectification({ store }, as(reviewer), { ...draft({ problem: '党费欠缴' }), issue: true }, NOW);
      const fed = await feedbackRectification({ store }, as(editor), { id: item.id, revision: item.revision, text: '已追缴', files: [] }, NOW);
      const results = await Promise.allSettled([
        moveRectification({ store }, as(reviewer), { id: item.id, action: 'verify', revision: fed.revision }, NOW),
        moveRectification({ store }, as(reviewer2), { id: item.id, action: 'return', revision: fed.revision, text: '再看看' }, NOW),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason.code).toBe('CONFLICT');
      expect(refused.reason.message).toMatch(/王财政|周财政/);
    });

    it('keeps another department’s items and files out of reach, lists by status, overdue and unit, and answers the open items of a project', async () => {
      const foreign = await createRectification({ store }, as(reviewer), { ...draft({ departmentId: otherDepartmentId, unitName: '花地街道办事处', projectName: '花地项目' }), issue: true }, NOW);
      expect((await rejection(getRectification({ store }, editor, { id: foreign.id }, NOW))).code).toBe('NOT_FOUND');
      const mine = await listRectifications({ store }, editor, { limit: 50, offset: 0 }, NOW);
      expect(mine.items.every((i) => i.departmentId === departmentId)).toBe(true);
      expect((await listRectifications({ store }, outsider, { limit: 50, offset: 0 }, NOW)).items.map((i) => i.id)).toEqual([foreign.id]);
      const overdue = await listRectifications({ store }, reviewer, { overdue: true, limit: 50, offset: 0 }, LATER);
      expect(overdue.items.length).toBeGreaterThan(0);
      expect(overdue.items.every((i) => i.overdue && (i.status === 'issued' || i.status === 'returned'))).toBe(true);
      expect(overdue.items.map((i) => i.daysLeft)).toContain(-15);
      const page = await listRectifications({ store }, reviewer, { status: 'verified', limit: 1, offset: 0 }, NOW);
      expect(page.items).toEqual([expect.objectContaining({ status: 'verified' })]);
      expect(page.total).toBeGreaterThanOrEqual(1);
      const second = await listRectifications({ store }, reviewer, { status: 'verified', limit: 1, offset: 1 }, NOW);
      expect(second.items.map((i) => i.id)).not.toContain(page.items[0]!.id);
      expect((await listRectifications({ store }, reviewer, { departmentId: otherDepartmentId, limit: 50, offset: 0 }, NOW)).total).toBe(1);
      const openItems = await listOpenRectifications({ store }, { projectName: '长者饭堂运营' });
      expect(openItems.length).toBeGreaterThan(0);
      expect(openItems.every((i) => i.status !== 'verified')).toBe(true);
      expect(await hasOpenRectifications({ store }, { projectName: '花地项目', inDepartments: [departmentId] })).toBe(false);
      expect(await hasOpenRectifications({ store }, { projectName: '花地项目' })).toBe(true);
      const [attachment] = await queryRows<{ id: number }>(store.db, sql`select id from attachments order by id limit 1`);
      expect((await rejection(getAttachmentFile({ store }, outsider, { id: attachment!.id }))).code).toBe('NOT_FOUND');
    });

    it('keeps the history and the files append-only', async () => {
      for (const statement of [sql`update rectification_transitions set text = 'x'`, sql`delete from attachments`, sql`update attachments set file_name = 'x'`]) {
        expect(await failure(store.db.execute(statement))).toMatch(/(rectification_transitions|attachments) is append-only: (UPDATE|DELETE) refused/);
      }
    });
  });
}
