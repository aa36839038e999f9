/**
 * The rectification commands on the memory store: an item raised from a real review finding of seed 002 (问题 and
 * 依据 from the finding, the department the document's), not raised twice; on the unit editor's 工作台 once issued,
 * on the reviewer's when fed back and when overdue; a change whose audit entry fails is not kept; evidence checked by
 * content before anything is written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECK_LABELS, type Actor } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { SYSTEM_CHANGE } from '../access/audit';
import { demoPdf } from '../demo/demo-pdf';
import { importDocumentFile } from '../documents/import-document-file';
import { getReview } from '../review/get-review';
import { memoryStore } from '../testing/memory-store';
import type { TransactionalStore } from '../unit-of-work';
import { getWorkbench } from '../workbench/get-workbench';
import { createRectification, createRectificationFromFinding, feedbackRectification, moveRectification } from './change-rectification';
import { getAttachmentFile } from './get-rectification';

const SEED_002 = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url))));
const NOW = new Date('2025-03-01T02:00:00Z');

async function seeded() {
  const store = memoryStore();
  const imported = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '002.txt', bytes: SEED_002, year: 2024 });
  const departmentId = imported.departmentId!;
  const reviewer: Actor = { userId: 1, username: 'fin', displayName: '王财政', role: 'finance-reviewer', departmentId: null, assignedDepartmentIds: [] };
  const editor: Actor = { userId: 2, username: 'ed', displayName: '李填报', role: 'unit-editor', departmentId, assignedDepartmentIds: [] };
  return { store, documentId: imported.documentId, departmentId, reviewer, editor };
}

const refusingAudit = (tx: TransactionalStore): TransactionalStore => ({ ...tx, audit: { ...tx.audit, append: () => Promise.reject(new Error('audit entry refused')) }, transaction: (work) => tx.transaction((inner) => work(refusingAudit(inner))) });

describe('rectification commands', () => {
  it('raises an item from a review finding of seed 002, once, with its wording and the document’s department', async () => {
    const { store, documentId, departmentId, reviewer } = await seeded();
    const finding = (await getReview({ store }, { documentId })).findings[0]!.finding;
    const input = { documentId, findingKey: finding.key, responsiblePerson: '财务办', measures: '按审核意见修改指标', deadline: '2025-04-30' };
    const item = await createRectificationFromFinding({ store }, { actor: reviewer }, input, NOW);
    expect(item).toMatchObject({ status: 'draft', departmentId, sourceKind: 'review', source: { documentId, key: finding.key } });
    expect(item.problem).toContain(finding.message);
    expect(item.basis).toContain(`目标审核「${CHECK_LABELS[finding.check]}」`);
    expect(item.basis).not.toContain(finding.rule);
    const again = await createRectificationFromFinding({ store }, { actor: reviewer }, input, NOW).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`编号 ${item.id}`) });
  });

  it('puts the item on the unit’s 工作台 once issued, on the reviewer’s when fed back, and overdue ones on the reviewer’s', async () => {
    const { store, departmentId, reviewer, editor } = await seeded();
    const base = { departmentId, unitName: '金花街道', responsiblePerson: '社会事务办', problem: '重复发放慰问金', basis: '巡察反馈', measures: '追回', deadline: '2025-03-31', sourceKind: 'inspection' as const, sourceReference: '巡察反馈意见' };
    const kinds = async (who: Actor, now: Date) => (await getWorkbench({ store }, who, now)).groups.filter((g) => g.kind.startsWith('rectification-')).map((g) => [g.kind, g.count, g.items[0]?.daysLeft ?? null]);
    const draft = await createRectification({ store }, { actor: reviewer }, base, NOW);
    expect(await kinds(reviewer, NOW)).toEqual([['rectification-to-issue', 1, null]]);
    expect(await kinds(editor, NOW)).toEqual([]);
    const issued = await moveRectification({ store }, { actor: reviewer }, { id: draft.id, action: 'issue', revision: draft.revision }, NOW);
    expect(await kinds(editor, NOW)).toEqual([['rectification-to-feed-back', 1, 30]]);
    expect(await kinds(reviewer, new Date('2025-04-02T02:00:00Z'))).toEqual([['rectification-overdue', 1, -2]]);
    await feedbackRectification({ store }, { actor: editor }, { id: issued.id, revision: issued.revision, text: '已追回', files: [{ fileName: '凭证.pdf', bytes: demoPdf('ok') }] }, NOW);
    expect(await kinds(reviewer, NOW)).toEqual([['rectification-to-verify', 1, null]]);
    expect(await kinds(editor, NOW)).toEqual([]);
    const attachment = store.state().attachments[0]!;
    expect((await getAttachmentFile({ store }, editor, { id: attachment.id })).attachment.fileName).toBe('凭证.pdf');
    const outsider: Actor = { ...editor, departmentId: departmentId + 100 };
    expect(await getAttachmentFile({ store }, outsider, { id: attachment.id }).catch((e: unknown) => e)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps nothing of a change whose audit entry cannot be written, and checks files before the transaction', async () => {
    const { store, departmentId, reviewer, editor } = await seeded();
    const base = { departmentId, unitName: '金花街道', responsiblePerson: '办', problem: '问题', basis: '依据', measures: '措施', deadline: '2025-03-31', sourceKind: 'inspection' as const, sourceReference: '巡察', issue: true };
    expect(await createRectification({ store: refusingAudit(store) }, { actor: reviewer }, base, NOW).catch((e: unknown) => e)).toBeInstanceOf(Error);
    expect(store.state().rectifications).toEqual([]);
    const item = await createRectification({ store }, { actor: reviewer }, base, NOW);
    const lying = await feedbackRectification({ store }, { actor: editor }, { id: item.id, revision: item.revision, text: '已办', files: [{ fileName: '报告.docx', bytes: demoPdf('x') }] }, NOW).catch((e: unknown) => e);
    expect(lying).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('「报告.docx」') });
    expect(store.state().attachments).toEqual([]);
    const unknownType = await createRectification({ store }, { actor: editor }, base, NOW).catch((e: unknown) => e);
    expect(unknownType).toMatchObject({ code: 'FORBIDDEN' });
  });
});
