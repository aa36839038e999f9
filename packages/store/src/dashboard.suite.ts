/**
 * The dashboard's reads (dashboard-store.ts), written once and run on both backends: the latest monitoring report of
 * each document (not every one), the latest kept score of each self-evaluation, the current documents of a year with
 * their projects, the decisions on a set of documents — each within the list scope and the drilled-into department.
 */
import { importDocumentFile, SYSTEM_CHANGE } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, seedFile, useSuiteStore, type StoreHandle } from './testing';

export function dashboardSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`dashboard reads on ${backend}`, () => {
    let store: OpenedStore;
    let jinhua: { documentId: number; departmentId: number };
    let huadi: { documentId: number; departmentId: number };
    let latest: number;
    let selfEvaluation: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      const a = await importSeed002(store);
      const b = await importDocumentFile({ store }, SYSTEM_CHANGE, seedFile('000_33f7e9c75c02529b.txt'));
      const dep = async (documentId: number) => ({ documentId, departmentId: (await store.documents.getDocument(documentId)).summary.departmentId! });
      jinhua = await dep(a.documentId);
      huadi = await dep(b.documentId);
      await store.evaluations.createEvaluation({ documentId: jinhua.documentId, targetVersion: 1, kind: 'monitoring', period: '2024-06', entries: {}, by: 'suite' });
      latest = (await store.evaluations.createEvaluation({ documentId: jinhua.documentId, targetVersion: 1, kind: 'monitoring', period: '2024-07', entries: { budget: { 'p-0-0': { spent: 1 } } }, by: 'suite' })).id;
      selfEvaluation = (await store.evaluations.createEvaluation({ documentId: jinhua.documentId, targetVersion: 1, kind: 'self-evaluation', period: '2024', entries: {}, by: 'suite' })).id;
      for (const total of [70, 88.5]) await store.evaluations.saveScore({ evaluationId: selfEvaluation, evaluationRevision: 1, ruleSet: { id: 'cn-project-self-evaluation', version: 1 }, total, grade: total > 80 ? '良' : '中', result: {}, scoredBy: 'suite' });
      await store.reviews.saveDecision({ documentId: huadi.documentId, version: 1, type: 'override', conclusion: '优', reason: '复核', by: 'suite' });
    });

    it('reads the latest report of each document, with the version it monitors and the current projects', async () => {
      const reports = await store.dashboard.latestMonitoring({ year: 2024 });
      expect(reports.map((r) => [r.evaluationId, r.period])).toEqual([[latest, '2024-07']]);
      const [r] = reports;
      expect(r).toMatchObject({ documentId: jinhua.documentId, departmentId: jinhua.departmentId, entries: { budget: { 'p-0-0': { spent: 1 } } } });
      expect(r!.document.units[0]!.projects.length).toBeGreaterThan(3);
      expect(r!.projects.map((p) => p.name)).toContain(r!.document.units[0]!.projects[0]!.name);
      expect(await store.dashboard.latestMonitoring({ year: 2024, inDepartments: [huadi.departmentId] })).toEqual([]);
      expect(await store.dashboard.latestMonitoring({ year: 2024, departmentId: huadi.departmentId })).toEqual([]);
      expect(await store.dashboard.latestMonitoring({ year: 2023 })).toEqual([]);
    });

    it('reads the latest kept score of each self-evaluation, the years and the documents in scope', async () => {
      expect(await store.dashboard.keptScores({ years: [2024] })).toEqual([
        { evaluationId: selfEvaluation, documentId: jinhua.documentId, title: expect.any(String), departmentId: jinhua.departmentId, department: expect.stringContaining('金花'), year: 2024, total: 88.5, grade: '良' },
      ]);
      expect(await store.dashboard.keptScores({ years: [2024], inDepartments: [] })).toEqual([]);
      expect(await store.dashboard.dashboardYears({})).toContain(2024);
      const all = await store.dashboard.dashboardDocuments({ years: [2024], kinds: ['project-targets', 'department-targets'], limit: 1 });
      expect(all.total).toBe(2);
      expect(all.items).toHaveLength(1);
      const own = await store.dashboard.dashboardDocuments({ years: [2024], kinds: ['project-targets', 'department-targets'], limit: 10, inDepartments: [huadi.departmentId] });
      expect(own.items.map((d) => d.id)).toEqual([huadi.documentId]);
      expect(own.items[0]!.document.units.length).toBeGreaterThan(0);
      expect(own.items[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads the decisions on a set of documents at once', async () => {
      const decisions = await store.dashboard.reviewDecisionsOf([jinhua.documentId, huadi.documentId]);
      expect(decisions.map((d) => [d.documentId, d.conclusion])).toEqual([[huadi.documentId, '优']]);
      expect(await store.dashboard.reviewDecisionsOf([])).toEqual([]);
    });
  });
}
