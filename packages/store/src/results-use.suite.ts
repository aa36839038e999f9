/**
 * The results-use suite (R11), written once and run on both backends (results-use.pglite.test.ts,
 * results-use.pg.test.ts): the finance reviewer's decisions kept append-only on a real store — saved and listed back
 * oldest first with their basis and rule set, refused for a missing document or an empty reason, never updated or
 * deleted — and the rectification port answering none until rectification is wired.
 */
import { listResultsUse, type NewResultsUseDecision } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { causeOf, importSeed002, rejection, useSuiteStore, type StoreHandle } from './testing';

export function resultsUseSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`results use on ${backend}`, () => {
    let store: OpenedStore;
    let documentId: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      documentId = (await importSeed002(store)).documentId;
    });

    const decision = (extra: Partial<NewResultsUseDecision> = {}): NewResultsUseDecision => ({
      documentId,
      projectKey: 'u0.p0',
      unit: '金花街道办事处',
      project: '街消毒站病媒生物防治专职人员补贴',
      kind: 'confirm',
      computed: 'improve',
      suggestion: 'improve',
      reason: '自评属实',
      ruleSet: { id: 'cn-results-use', version: 1 },
      basis: { selfEvaluation: { grade: '中' } },
      by: '区财政局审核人',
      ...extra,
    });

    it('keeps decisions in order with their basis, rule set, who and when', async () => {
      const first = await store.resultsUse.saveDecision(decision());
      const second = await store.resultsUse.saveDecision(decision({ kind: 'adjust', suggestion: 'reduce', reason: '执行率低' }));
      expect(first.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const listed = await store.resultsUse.listDecisions({ documentIds: [documentId] });
      expect(listed.map((d) => [d.id, d.kind, d.suggestion, d.computed, d.reason])).toEqual([
        [first.id, 'confirm', 'improve', 'improve', '自评属实'],
        [second.id, 'adjust', 'reduce', 'improve', '执行率低'],
      ]);
      expect(listed[0]).toMatchObject({ projectKey: 'u0.p0', unit: '金花街道办事处', ruleSet: { id: 'cn-results-use', version: 1 }, basis: { selfEvaluation: { grade: '中' } }, by: '区财政局审核人' });
      expect(await store.resultsUse.listDecisions({ documentIds: [documentId + 1000] })).toEqual([]);
      expect(await store.resultsUse.listDecisions({ documentIds: [] })).toEqual([]);
    });

    it('refuses a missing document and an empty reason; never updates or deletes a decision', async () => {
      expect((await rejection(store.resultsUse.saveDecision(decision({ documentId: documentId + 1000 })))).message).toMatch(/找不到编号为 \d+ 的文档/);
      expect(await causeOf(store.resultsUse.saveDecision(decision({ reason: '  ' })))).toMatch(/results_use_decisions_reason/);
      await store.resultsUse.saveDecision(decision());
      const kept = (await store.resultsUse.listDecisions({ documentIds: [documentId] })).map((d) => d.reason);
      for (const statement of ["update results_use_decisions set reason = 'x'", 'delete from results_use_decisions', 'truncate results_use_decisions']) {
        expect(`${statement}: ${await causeOf(store.db.execute(sql.raw(statement)))}`).toMatch(/: results_use_decisions is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
      }
      expect((await store.resultsUse.listDecisions({ documentIds: [documentId] })).map((d) => d.reason)).toEqual(kept);
    });

    it('lists the year through the services (no rectification item open here)', async () => {
      const table = await listResultsUse({ store }, { year: 2024 });
      expect(table.items.length).toBeGreaterThan(0);
      expect(table.items[0]).toMatchObject({ documentId, projectKey: 'u0.p0', selfEvaluation: null, reviewConclusion: null, suggestion: { suggestion: null } });
    });
  });
}
