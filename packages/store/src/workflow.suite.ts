/**
 * The workflow store suite, run on both backends (workflow.pglite.test.ts, workflow.pg.test.ts), through the
 * services that use it: a target document from draft to approved over two rounds, the frozen approved version and an
 * adjustment, two transitions and two saves from the same base at once (exactly one wins, the other is told who),
 * evaluation transitions under a period lock, and the public page that shows only what was published.
 */
import type { Actor, EvaluationAction, PerformanceDocument, Role } from '@jixiao/core';
import {
  AppError,
  checkEvaluationSave,
  getPublishedTargets,
  listPublished,
  publishEvaluation,
  publishTargets,
  resolveTargetVersion,
  saveEditedDocument,
  setPeriodLock,
  transitionEvaluation,
  transitionTarget,
  withdrawEvaluationPublication,
  withdrawTargetsPublication,
} from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, useSuiteStore, type StoreHandle } from './testing';

export function workflowSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`workflow on ${backend}`, () => {
    let store: OpenedStore;
    let documentId: number;
    let departmentId: number;
    const actor = (role: Role, displayName: string, userId = 1): Actor => ({
      userId,
      username: `u${userId}`,
      displayName,
      role,
      departmentId: role.startsWith('unit') ? departmentId : null,
      assignedDepartmentIds: [],
    });
    let editor: Actor, editor2: Actor, approver: Actor, reviewer: Actor, reviewer2: Actor;

    /** Changes one indicator's name: an edit the workflow must allow or refuse. */
    async function edit(by: Actor, baseVersion: number, name: string) {
      const { document } = await store.documents.getDocument(documentId);
      const changed: PerformanceDocument = structuredClone(document);
      const indicator = changed.units.flatMap((u) => u.projects).find((p) => p.indicators.length > 0)!.indicators[0]!;
      indicator.name = name;
      return saveEditedDocument({ store }, { actor: by }, { documentId, baseVersion, document: changed });
    }
    const conclude = (conclusion: string, version: number) =>
      store.reviews.saveDecision({ documentId, version, type: 'override', conclusion, reason: '评审结论', by: reviewer.displayName });
    const move = (by: Actor, action: Parameters<typeof transitionTarget>[2]['action'], reason?: string) => transitionTarget({ store }, { actor: by, requestId: 'test' }, { documentId, action, reason: reason ?? null });

    useSuiteStore(open, async (opened) => {
      store = opened;
      const imported = await importSeed002(store);
      documentId = imported.documentId;
      departmentId = imported.departmentId!;
      editor = actor('unit-editor', '李填报', 1);
      editor2 = actor('unit-editor', '赵同事', 2);
      approver = actor('unit-approver', '陈主任', 3);
      reviewer = actor('finance-reviewer', '王财政', 4);
      reviewer2 = actor('finance-reviewer', '周财政', 5);
    });

    it('a document that never moved is a draft in round 1, and nothing of it is public', async () => {
      const state = await store.workflow.getTargetWorkflow(documentId);
      expect(state).toMatchObject({ status: 'draft', round: 1, currentVersion: 1, approvedVersion: null, adjustment: false, revision: 0, publishedVersion: null });
      expect(await resolveTargetVersion({ store }, documentId)).toBe(1);
      expect(await listPublished({ store }, {})).toEqual([]);
      expect((await rejection(getPublishedTargets({ store }, { documentId }))).code).toBe('NOT_FOUND');
      expect((await rejection(store.workflow.getTargetWorkflow(999_999))).code).toBe('NOT_FOUND');
    });

    it('submit → unit approval → returned as 中 with an opinion → fixed (new version) → resubmitted as round 2 → approved as 良', async () => {
      expect((await move(editor, 'submit')).status).toBe('submitted');
      // While submitted nobody edits it.
      const frozen = await rejection(edit(editor, 1, '改名'));
      expect(frozen.code).toBe('CONFLICT');
      expect(frozen.message).toContain('已提交');
      expect((await move(approver, 'approve-unit')).status).toBe('in-review');
      await conclude('中', 1);
      const wrongOutcome = await rejection(move(reviewer, 'approve'));
      expect(wrongOutcome.message).toContain('评审结论为「中」');
      const returned = await move(reviewer, 'return', '指标值缺失，请补充年度指标值');
      expect(returned).toMatchObject({ status: 'returned', round: 1, statusVersion: 1 });
      expect((await rejection(move(editor, 'submit'))).message).toContain('修改后再提交');

      const saved = await edit(editor, 1, '开展社区活动次数');
      expect(saved.document.version).toBe(2);
      const resubmitted = await move(editor, 'submit');
      expect(resubmitted).toMatchObject({ status: 'submitted', round: 2, statusVersion: 2, currentVersionBy: '李填报' });
      await move(approver, 'approve-unit');
      await conclude('良', 2);
      const approved = await move(reviewer, 'approve');
      expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2, round: 2 });
      expect(approved.history.map((t) => `${t.action}:${t.from}→${t.to}@${t.round}/v${t.version} ${t.by.displayName}`)).toEqual([
        'submit:draft→submitted@1/v1 李填报',
        'approve-unit:submitted→in-review@1/v1 陈主任',
        'return:in-review→returned@1/v1 王财政',
        'submit:returned→submitted@2/v2 李填报',
        'approve-unit:submitted→in-review@2/v2 陈主任',
        'approve:in-review→approved@2/v2 王财政',
      ]);
      expect(approved.history[2]).toMatchObject({ reason: '指标值缺失，请补充年度指标值', conclusion: '中', by: { roleLabel: '财政审核人' } });
      expect(approved.history[5]?.conclusion).toBe('良');
      expect(approved.history.every((t) => /^\d{4}-\d\d-\d\dT/.test(t.at))).toBe(true);
    });

    it('every transition is in the audit trail with who, what and the request', async () => {
      const { items } = await store.audit.listAudit({ objectType: 'document', objectId: String(documentId), limit: 50 });
      const actions = items.map((e) => e.action).reverse();
      expect(actions).toEqual(expect.arrayContaining(['workflow.submit', 'workflow.approve-unit', 'workflow.return', 'workflow.approve']));
      const ret = items.find((e) => e.action === 'workflow.return')!;
      expect(ret).toMatchObject({ actor: { displayName: '王财政' }, requestId: 'test', before: { status: 'in-review' }, after: { status: 'returned', reason: '指标值缺失，请补充年度指标值' } });
    });

    it('the approved version is frozen: edits and re-imports are refused; it is what monitoring and self-evaluation use', async () => {
      const refused = await rejection(edit(editor, 2, '再改'));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('已批复');
      expect(refused.message).toContain('申请调整');
      expect(await resolveTargetVersion({ store }, documentId)).toBe(2);
      expect((await store.documents.getDocument(documentId)).summary.version).toBe(2);
    });

    it('published: the approved version appears on the public page, searchable; nothing else does', async () => {
      expect((await rejection(publishTargets({ store }, { actor: editor }, { documentId }))).code).toBe('FORBIDDEN');
      const published = await publishTargets({ store }, { actor: reviewer }, { documentId });
      expect(published).toMatchObject({ publishedVersion: 2, publishedBy: '王财政' });
      expect((await rejection(publishTargets({ store }, { actor: reviewer }, { documentId }))).message).toContain('已经公开');
      const items = await listPublished({ store }, {});
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'targets', documentId, version: 2, departmentId, publishedBy: '王财政' });
      expect(await listPublished({ store }, { search: '社区居民活动费' })).toHaveLength(1);
      expect(await listPublished({ store }, { search: '不存在的项目名称' })).toEqual([]);
      expect(await listPublished({ store }, { departmentId: departmentId + 1000 })).toEqual([]);
      const { document } = await getPublishedTargets({ store }, { documentId });
      expect(JSON.stringify(document)).toContain('开展社区活动次数');
    });

    it('withdrawn: off the public page, still approved; published again, it is back', async () => {
      // Published by the test before.
      const withdrawn = await withdrawTargetsPublication({ store }, { actor: reviewer }, { documentId, reason: '金额需更正' });
      expect(withdrawn).toMatchObject({ status: 'approved', publishedVersion: null, canPublish: true });
      expect(await listPublished({ store }, {})).toEqual([]);
      expect((await rejection(getPublishedTargets({ store }, { documentId }))).code).toBe('NOT_FOUND');
      expect((await rejection(withdrawTargetsPublication({ store }, { actor: reviewer }, { documentId, reason: '再撤' }))).code).toBe('CONFLICT');
      expect(await publishTargets({ store }, { actor: reviewer }, { documentId })).toMatchObject({ publishedVersion: 2 });
      expect(await listPublished({ store }, {})).toHaveLength(1);
    });

    it('an adjustment is a new draft reviewed again; until approved, the old version stays in force and public', async () => {
      expect((await rejection(move(editor, 'request-adjustment', '  '))).code).toBe('BAD_INPUT');
      const adjusting = await move(editor, 'request-adjustment', '项目内容调整');
      expect(adjusting).toMatchObject({ status: 'draft', adjustment: true, approvedVersion: 2, round: 3 });
      await edit(editor, 2, '调整后的指标名称');
      expect(await resolveTargetVersion({ store }, documentId)).toBe(2);
      await move(editor, 'submit');
      await move(approver, 'approve-unit');
      const items = await listPublished({ store }, {});
      expect(items.map((i) => i.version)).toEqual([2]);
      expect(JSON.stringify((await getPublishedTargets({ store }, { documentId })).document)).not.toContain('调整后的指标名称');
      await conclude('优', 3);
      const approved = await move(reviewer, 'approve');
      expect(approved).toMatchObject({ status: 'approved', approvedVersion: 3, adjustment: false });
      expect(await resolveTargetVersion({ store }, documentId)).toBe(3);
    });

    it('two reviewers acting at once: exactly one wins, the other is told who acted', async () => {
      await move(editor, 'request-adjustment', '第二次调整');
      await edit(editor, 3, '第二次调整后的名称');
      await move(editor, 'submit');
      const results = await Promise.allSettled([move(approver, 'approve-unit'), move({ ...approver, displayName: '副主任', userId: 6 }, 'approve-unit')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as AppError;
      expect(lost).toBeInstanceOf(AppError);
      expect(lost.code).toBe('CONFLICT');
      const state = await store.workflow.getTargetWorkflow(documentId);
      expect(lost.message).toContain(`最近一次由 ${state.updatedBy}`);
      expect(state.status).toBe('in-review');
      // A stale page (older revision) is refused even when the action itself would be allowed.
      await conclude('中', 4);
      const stale = await rejection(transitionTarget({ store }, { actor: reviewer2 }, { documentId, action: 'return', reason: '补充', baseRevision: state.revision - 1 }));
      expect(stale.message).toContain('重新载入');
      await move(reviewer2, 'return', '补充说明');
    });

    it('two saves from the same base version at once: exactly one wins, the other names who saved and nothing is lost', async () => {
      const base = (await store.workflow.getTargetWorkflow(documentId)).currentVersion;
      const results = await Promise.allSettled([edit(editor, base, '甲的修改'), edit(editor2, base, '乙的修改')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as AppError;
      expect(lost.code).toBe('CONFLICT');
      const state = await store.workflow.getTargetWorkflow(documentId);
      expect(state.currentVersion).toBe(base + 1);
      const winner = state.currentVersionBy!;
      expect(['李填报', '赵同事']).toContain(winner);
      expect(lost.message).toContain(`已由 ${winner} 于`);
      expect(lost.message).toContain('重新载入');
      expect(lost.details).toMatchObject({ currentVersion: base + 1, baseVersion: base, changedBy: winner });
      const { document } = await store.documents.getDocument(documentId);
      expect(JSON.stringify(document)).toContain(winner === '李填报' ? '甲的修改' : '乙的修改');
      // The previous version is intact.
      expect(JSON.stringify((await store.documents.getDocument(documentId, base)).document)).toContain('第二次调整后的名称');
    });

    it('evaluations: submit, the unit head’s sign-off, return, resubmit, accept; a period lock stops saves and transitions; a done self-evaluation is published', async () => {
      const evaluation = await store.evaluations.createEvaluation({ documentId, targetVersion: 3, kind: 'self-evaluation', period: '2024', entries: {}, by: '李填报' });
      const moveE = (by: Actor, action: EvaluationAction, reason?: string) => transitionEvaluation({ store }, { actor: by }, { evaluationId: evaluation.id, action, reason: reason ?? null });
      await checkEvaluationSave({ store }, { evaluationId: evaluation.id, actor: editor });
      expect((await moveE(editor, 'submit')).status).toBe('submitted');
      expect((await rejection(checkEvaluationSave({ store }, { evaluationId: evaluation.id, actor: editor }))).message).toContain('已提交');
      expect((await rejection(moveE(editor, 'accept'))).code).toBe('FORBIDDEN');
      // Finance waits for the unit head (陈主任) to sign off; the unit head sends it back once, with a reason.
      expect((await rejection(moveE(reviewer, 'accept'))).message).toContain('现在应由单位负责人审核通过');
      expect((await rejection(moveE(approver, 'send-back'))).code).toBe('BAD_INPUT');
      expect((await moveE(approver, 'send-back', '请补充第二个项目的说明')).status).toBe('returned');
      await moveE(editor, 'submit');
      expect((await moveE(approver, 'approve-unit')).status).toBe('in-review');
      expect((await rejection(moveE(reviewer, 'return'))).code).toBe('BAD_INPUT');
      const returned = await moveE(reviewer, 'return', '实际完成值缺少佐证');
      expect(returned).toMatchObject({ status: 'returned', revision: 6 });
      // A stale save by the unit after the return is refused by the evaluation store's revision check.
      expect((await rejection(store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 1, entries: { x: 1 }, by: '李填报' }))).code).toBe('CONFLICT');
      await moveE(editor, 'submit');
      await moveE(approver, 'approve-unit');

      expect((await rejection(setPeriodLock({ store }, { actor: editor }, { period: '2024', locked: true }))).code).toBe('FORBIDDEN');
      const locks = await setPeriodLock({ store }, { actor: reviewer }, { period: '2024', locked: true, reason: '年度决算' });
      expect(locks.locked).toMatchObject([{ period: '2024', by: '王财政', reason: '年度决算' }]);
      const locked = await rejection(moveE(reviewer, 'accept'));
      expect(locked.code).toBe('CONFLICT');
      expect(locked.message).toContain('2024 已由 王财政');
      expect((await rejection(setPeriodLock({ store }, { actor: reviewer }, { period: '2024', locked: false }))).code).toBe('BAD_INPUT');
      expect((await setPeriodLock({ store }, { actor: reviewer }, { period: '2024', locked: false, reason: '补录审核结论' })).locked).toEqual([]);

      const done = await moveE(reviewer, 'accept');
      expect(done.status).toBe('done');
      expect(done.history.map((t) => `${t.action}:${t.from}→${t.to}`)).toEqual([
        'submit:draft→submitted',
        'send-back:submitted→returned',
        'submit:returned→submitted',
        'approve-unit:submitted→in-review',
        'return:in-review→returned',
        'submit:returned→submitted',
        'approve-unit:submitted→in-review',
        'accept:in-review→done',
      ]);
      await store.evaluations.saveScore({ evaluationId: evaluation.id, evaluationRevision: done.revision, ruleSet: { id: 'cn-project-self-evaluation', version: 1 }, total: 91.5, grade: '优', result: {}, scoredBy: '李填报' });
      const published = await publishEvaluation({ store }, { actor: reviewer }, { evaluationId: evaluation.id });
      expect(published).toMatchObject({ publishedBy: '王财政' });
      const results = await listPublished({ store }, { year: 2024 });
      expect(results.find((i) => i.type === 'self-evaluation')).toMatchObject({ evaluationId: evaluation.id, period: '2024', total: 91.5, grade: '优' });
      // Opened alone: the item and the kept score's result as stored (the services read it through the wire schema).
      expect(await store.workflow.getPublishedSelfEvaluation(evaluation.id)).toEqual({ item: results.find((i) => i.type === 'self-evaluation'), result: {} });
      expect((await rejection(store.workflow.getPublishedSelfEvaluation(999_999))).code).toBe('NOT_FOUND');
      // 撤回公开: off the public page with a reason, still done, and published again; a second withdrawal is refused.
      expect((await rejection(withdrawEvaluationPublication({ store }, { actor: editor }, { evaluationId: evaluation.id, reason: '得分有误' }))).code).toBe('FORBIDDEN');
      const withdrawn = await withdrawEvaluationPublication({ store }, { actor: reviewer }, { evaluationId: evaluation.id, reason: '得分有误' });
      expect(withdrawn).toMatchObject({ status: 'done', publishedAt: null, canPublish: true, canWithdrawPublication: false });
      expect((await listPublished({ store }, { year: 2024 })).some((i) => i.type === 'self-evaluation')).toBe(false);
      expect((await rejection(store.workflow.getPublishedSelfEvaluation(evaluation.id))).code).toBe('NOT_FOUND');
      expect((await rejection(withdrawEvaluationPublication({ store }, { actor: reviewer }, { evaluationId: evaluation.id, reason: '再撤' }))).code).toBe('CONFLICT');
      expect((await rejection(withdrawEvaluationPublication({ store }, { actor: reviewer }, { evaluationId: evaluation.id, reason: '  ' }))).code).toBe('BAD_INPUT');
      expect(await publishEvaluation({ store }, { actor: reviewer }, { evaluationId: evaluation.id })).toMatchObject({ canWithdrawPublication: true });
      expect((await listPublished({ store }, { year: 2024 })).some((i) => i.type === 'self-evaluation')).toBe(true);
      // A monitoring report is never published.
      const monitoring = await store.evaluations.createEvaluation({ documentId, targetVersion: 3, kind: 'monitoring', period: '2024-07', entries: {}, by: '李填报' });
      expect((await rejection(publishEvaluation({ store }, { actor: reviewer }, { evaluationId: monitoring.id }))).code).toBe('BAD_INPUT');
      expect((await rejection(store.workflow.getPublishedSelfEvaluation(monitoring.id))).code).toBe('NOT_FOUND');
    });

    it('指标库: the approved version’s indicators, grouped by name, levels and unit, with the spread of their values', async () => {
      const state = await store.workflow.getTargetWorkflow(documentId);
      const { summary } = await store.documents.getDocument(documentId, state.approvedVersion!);
      const library = await store.catalog.indicatorLibrary({ limit: 500 });
      // Only approved versions count: here, the one approved document's approved version.
      expect(library.reduce((n, e) => n + e.count, 0)).toBe(summary.indicatorCount);
      for (const e of library.filter((x) => x.valued > 0)) {
        const [min, p25, median, p75, max] = [e.min, e.p25, e.median, e.p75, e.max].map(Number);
        expect(min! <= p25! && p25! <= median! && median! <= p75! && p75! <= max!).toBe(true);
        expect(e.years).toEqual([2024]);
        expect(e.departments).toBe(1);
      }
      const someName = library.find((e) => e.valued > 0)!.name;
      expect((await store.catalog.indicatorLibrary({ search: someName, limit: 10 })).every((e) => e.name.includes(someName))).toBe(true);
      const level2 = library.find((e) => e.level2)!.level2!;
      expect((await store.catalog.indicatorLibrary({ level2, limit: 500 })).every((e) => e.level2 === level2)).toBe(true);
    });

    it('target benchmarks: the approved version’s numeric targets by name and unit, as the library counts them, never the document’s own', async () => {
      const library = await store.catalog.indicatorLibrary({ limit: 500 });
      const names = [...new Set(library.filter((e) => e.valued > 0).map((e) => e.name))];
      // Another document asks: the approved document's spreads, the same numbers as the library's (one department here).
      const rows = await store.catalog.targetBenchmarks({ names: [...names, '没有这个指标'], excludeDocumentId: documentId + 1000 });
      expect(rows.length).toBeGreaterThan(0);
      const entriesOf = (row: (typeof rows)[number]) => library.filter((e) => e.name === row.name && (e.unit ?? '') === row.unit && e.valued > 0);
      for (const row of rows) {
        expect(row.count).toBe(entriesOf(row).reduce((n, e) => n + e.valued, 0));
        expect(row.departments).toBe(1);
      }
      // Where the library has one entry for the name and unit (one pair of levels), the spread is the same numbers.
      const single = rows.filter((row) => entriesOf(row).length === 1);
      expect(single.length).toBeGreaterThan(0);
      for (const row of single) expect([row.min, row.median, row.max].map(Number)).toEqual([entriesOf(row)[0]!.min, entriesOf(row)[0]!.median, entriesOf(row)[0]!.max].map(Number));
      // The document itself is left out; no names, no query.
      expect(await store.catalog.targetBenchmarks({ names, excludeDocumentId: documentId })).toEqual([]);
      expect(await store.catalog.targetBenchmarks({ names: [], excludeDocumentId: 0 })).toEqual([]);
    });

    it('lists of work: every target document and report with its workflow, title and department, only within the scope given', async () => {
      const targets = await store.workflow.listTargetWorkflows({});
      const mine = targets.find((t) => t.documentId === documentId);
      // The same state the single read gives (tested step by step above), with what a list shows of the document.
      expect(mine).toEqual({ ...(await store.workflow.getTargetWorkflow(documentId)), kind: 'project-targets', title: mine?.title, department: mine?.department, year: 2024 });
      expect(mine?.title).toContain('金花');
      expect(mine?.department).toContain('金花');
      expect(await store.workflow.listTargetWorkflows({ inDepartments: [departmentId + 1000] })).toEqual([]);
      expect((await store.workflow.listTargetWorkflows({ inDepartments: [departmentId] })).map((t) => t.documentId)).toContain(documentId);

      const reports = await store.workflow.listEvaluationWorkflows({ inDepartments: [departmentId] });
      expect(reports.map((r) => `${r.kind}:${r.period}:${r.status}`).sort()).toEqual(['monitoring:2024-07:draft', 'self-evaluation:2024:done']);
      expect(reports.every((r) => r.documentId === documentId && r.documentTitle === mine?.title && r.year === 2024)).toBe(true);
      expect(reports.find((r) => r.kind === 'self-evaluation')?.publishedBy).toBe('王财政');
      expect(await store.workflow.listEvaluationWorkflows({ inDepartments: [] })).toEqual([]);
    });
  });
}
