/**
 * The evaluation store suite, run on both backends (evaluations.pglite.test.ts, evaluations.pg.test.ts): create a
 * self-evaluation against a stored target version, save with the revision check, keep scores append-only.
 */
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, useSuiteStore, type StoreHandle } from './testing';

export function evaluationSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`evaluations on ${backend}`, () => {
    let store: OpenedStore;
    let documentId: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      documentId = (await importSeed002(store)).documentId;
    });

    it('creates one evaluation per document, kind and period, against a stored version', async () => {
      const created = await store.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'self-evaluation', period: '2024', entries: {}, by: '李填报' });
      expect(created).toMatchObject({ documentId, targetVersion: 1, kind: 'self-evaluation', period: '2024', status: 'draft', revision: 1, entries: {}, report: null, createdBy: '李填报' });
      expect(created.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const again = await rejection(store.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'self-evaluation', period: '2024', entries: {}, by: '王' }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toMatch(/已经存在/);
      const missing = await rejection(store.evaluations.createEvaluation({ documentId, targetVersion: 9, kind: 'monitoring', period: '2024-06', entries: {}, by: '王' }));
      expect(missing.code).toBe('NOT_FOUND');
      expect(await store.evaluations.findEvaluation(documentId, 'self-evaluation', '2024')).toEqual(created);
      expect(await store.evaluations.listEvaluations({ documentId, kind: 'monitoring' })).toEqual([]);
    });

    it('lists with the target document\'s title, kind and department, and only the departments in scope', async () => {
      const [listed] = await store.evaluations.listEvaluations({ documentId, kind: 'self-evaluation' });
      const { summary } = await store.documents.getDocument(documentId);
      expect(listed).toMatchObject({ documentId, documentTitle: summary.title, documentKind: 'project-targets', department: summary.department });
      expect(summary.department).toMatch(/金花/);
      expect(await store.evaluations.listEvaluations({ kind: 'self-evaluation', inDepartments: [summary.departmentId!] })).toHaveLength(1);
      expect(await store.evaluations.listEvaluations({ kind: 'self-evaluation', inDepartments: [summary.departmentId! + 1000] })).toEqual([]);
      expect(await store.evaluations.listEvaluations({ kind: 'self-evaluation', inDepartments: [] })).toEqual([]);
    });

    it('saves on the current revision and refuses a stale one, naming who saved last; nothing is lost', async () => {
      const evaluation = (await store.evaluations.findEvaluation(documentId, 'self-evaluation', '2024'))!;
      const first = await store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 1, entries: { a: { actual: '95%' } }, by: '李填报' });
      expect(first).toMatchObject({ revision: 2, entries: { a: { actual: '95%' } }, updatedBy: '李填报' });
      const stale = await rejection(store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 1, entries: { a: { actual: '10%' } }, by: '赵同事' }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('李填报');
      expect(stale.details).toMatchObject({ revision: 2, updatedBy: '李填报' });
      const after = await store.evaluations.getEvaluation(evaluation.id);
      expect(after.entries).toEqual({ a: { actual: '95%' } });
      const reported = await store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 2, report: { problems: '经费执行偏慢' }, status: 'submitted', by: '李填报' });
      expect(reported).toMatchObject({ revision: 3, status: 'submitted', entries: { a: { actual: '95%' } }, report: { problems: '经费执行偏慢' } });
    });

    it('two saves from the same revision at once: exactly one wins', async () => {
      const evaluation = await store.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-06', entries: {}, by: '李' });
      const results = await Promise.allSettled([
        store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 1, entries: { who: 'A' }, by: 'A' }),
        store.evaluations.saveEvaluation({ id: evaluation.id, baseRevision: 1, entries: { who: 'B' }, by: 'B' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const final = await store.evaluations.getEvaluation(evaluation.id);
      expect(final.revision).toBe(2);
      expect(final.entries).toEqual({ who: final.updatedBy });
    });

    it('keeps every score with the rule set id@version, oldest first', async () => {
      const evaluation = (await store.evaluations.findEvaluation(documentId, 'self-evaluation', '2024'))!;
      const s1 = await store.evaluations.saveScore({ evaluationId: evaluation.id, evaluationRevision: 3, ruleSet: { id: 'cn-project-self-evaluation', version: 1 }, total: 94.24, grade: '优', result: { reasons: ['达成'] }, scoredBy: '李' });
      await store.evaluations.saveScore({ evaluationId: evaluation.id, evaluationRevision: 3, ruleSet: { id: 'gz-local', version: 2 }, total: null, grade: null, result: {}, scoredBy: '李' });
      expect(s1).toMatchObject({ total: 94.24, grade: '优', ruleSet: { id: 'cn-project-self-evaluation', version: 1 }, result: { reasons: ['达成'] } });
      const scores = await store.evaluations.listScores(evaluation.id);
      expect(scores.map((s) => `${s.ruleSet.id}@${s.ruleSet.version}:${s.total}`)).toEqual(['cn-project-self-evaluation@1:94.24', 'gz-local@2:null']);
    });
  });
}
