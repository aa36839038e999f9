/**
 * The review suite, written once and run on both backends (review.pglite.test.ts, review.pg.test.ts): the review
 * use cases of packages/services on a real store, with seed 002 (金花街道, a project target table) as the document.
 */
import { addFinding, decideFinding, getReview, importDocumentFile, setConclusion, writeReviewOpinionFile, SYSTEM_CHANGE } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, SEED_002, seedFile, useSuiteStore, type StoreHandle } from './testing';

export function reviewSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`reviews on ${backend}`, () => {
    let store: OpenedStore;
    let documentId: number;
    const { bytes } = seedFile(SEED_002);

    useSuiteStore(open, async (opened) => {
      store = opened;
      documentId = (await importSeed002(store)).documentId;
    });

    it('computes the findings and the review of a stored document on demand', async () => {
      const r = await getReview({ store }, { documentId });
      expect(r.document).toMatchObject({ id: documentId, version: 1, year: 2024 });
      const checks = new Set(r.findings.map((f) => f.finding.check));
      expect(checks).toContain('level-mismatch');
      expect(checks).toContain('missing-annual-target');
      expect(r.findings.every((f) => f.status === 'open' && f.by === null)).toBe(true);
      expect(r.review.ruleSet.ref).toBe('cn-target-review@2');
      expect(r.review.dimensions.map((d) => d.label)).toEqual(['完整性', '相关性', '适当性', '可行性']);
      expect(r.review.total).toBe(r.review.dimensions.reduce((a, d) => a + d.score, 0));
      expect(r.review.conclusion).toBe(r.review.computedConclusion);
      expect(r.review.quantified.indicators).toBeGreaterThan(0);
      expect(r.review.statusCounts.open).toBe(r.findings.length);
      expect(r.decisions).toEqual([]);
    });

    it('dismisses a finding with a reason, by its key, and rescores', async () => {
      const before = await getReview({ store }, { documentId });
      const target = before.findings.find((f) => f.finding.check === 'missing-annual-target')!;
      const refused = await rejection(decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: target.finding.key, decision: 'dismiss', reason: '  ', by: '张审核' }));
      expect(refused.code).toBe('BAD_INPUT');
      expect(refused.message).toMatch(/理由/);
      expect((await rejection(decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: 'level-mismatch:0000000000000000', decision: 'accept', by: '张审核' }))).code).toBe('NOT_FOUND');
      expect((await rejection(decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: target.finding.key, decision: 'accept', by: ' ' }))).code).toBe('BAD_INPUT');

      const after = await decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: target.finding.key, decision: 'dismiss', reason: '原文第5页已填写年度指标值', by: '张审核' });
      const decided = after.findings.find((f) => f.finding.key === target.finding.key)!;
      expect(decided).toMatchObject({ status: 'dismissed', reason: '原文第5页已填写年度指标值', by: '张审核' });
      expect(decided.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(after.review.total).toBeGreaterThan(before.review.total);
      expect(after.decisions).toHaveLength(1);
      // Stored: a fresh read gives the same.
      expect((await getReview({ store }, { documentId })).findings.find((f) => f.finding.key === target.finding.key)?.status).toBe('dismissed');

      const accepted = await decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: target.finding.key, decision: 'accept', by: '李复核' });
      expect(accepted.findings.find((f) => f.finding.key === target.finding.key)).toMatchObject({ status: 'accepted', by: '李复核', reason: null });
      expect(accepted.review.total).toBe(before.review.total);
      await decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: target.finding.key, decision: 'dismiss', reason: '原文第5页已填写年度指标值', by: '张审核' });
    });

    it('adds a finding at a place of the document, and refuses a place that is not in it', async () => {
      const r = await getReview({ store }, { documentId });
      const withIndicator = r.findings.find((f) => f.finding.location.project && f.finding.location.indicator)!.finding.location;
      const added = await addFinding({ store }, SYSTEM_CHANGE, { documentId, check: 'unit-mismatch', dimension: 'feasibility', severity: 'warning', location: { project: withIndicator.project!, indicator: withIndicator.indicator! }, message: '指标值的计量单位与指标名称不符', suggestion: '改为人数', by: '张审核' });
      const mine = added.findings.find((f) => f.status === 'added')!;
      expect(mine.finding.key).toMatch(/^manual:[0-9a-f]{16}$/);
      expect(mine.finding.location).toMatchObject({ project: withIndicator.project, indicator: withIndicator.indicator, indicatorName: withIndicator.indicatorName, unit: withIndicator.unit });
      expect(mine.by).toBe('张审核');
      expect(added.review.statusCounts.added).toBe(1);

      const noProject = await rejection(addFinding({ store }, SYSTEM_CHANGE, { documentId, check: 'missing-target', dimension: 'completeness', severity: 'error', location: { project: '不存在的项目' }, message: 'x', by: '张审核' }));
      expect(noProject).toMatchObject({ code: 'BAD_INPUT' });
      expect(noProject.message).toContain('不存在的项目');
      const noIndicator = await rejection(addFinding({ store }, SYSTEM_CHANGE, { documentId, check: 'missing-target', dimension: 'completeness', severity: 'error', location: { project: withIndicator.project!, indicator: 999 }, message: 'x', by: '张审核' }));
      expect(noIndicator.message).toContain('第 999 个指标');

      // An added finding can be withdrawn by dismissing it.
      const withdrawn = await decideFinding({ store }, SYSTEM_CHANGE, { documentId, findingKey: mine.finding.key, decision: 'dismiss', reason: '重复', by: '张审核' });
      expect(withdrawn.findings.find((f) => f.finding.key === mine.finding.key)?.status).toBe('dismissed');
    });

    it('overrides the conclusion with a reason and keeps the computed one beside it', async () => {
      expect((await rejection(setConclusion({ store }, SYSTEM_CHANGE, { documentId, conclusion: '良', reason: '', by: '张审核' }))).code).toBe('BAD_INPUT');
      expect((await rejection(setConclusion({ store }, SYSTEM_CHANGE, { documentId, conclusion: '甲', reason: '理由', by: '张审核' }))).code).toBe('BAD_INPUT');
      const r = await setConclusion({ store }, SYSTEM_CHANGE, { documentId, conclusion: '良', reason: '问题集中在格式，单位已承诺修改', by: '张审核' });
      expect(r.review.conclusion).toBe('良');
      expect(r.review.override).toMatchObject({ conclusion: '良', reason: '问题集中在格式，单位已承诺修改', by: '张审核' });
      expect(r.review.computedConclusion).not.toBe('');
      expect(r.decisions.at(-1)).toMatchObject({ type: 'override', conclusion: '良', version: 1 });
    });

    it('writes the opinion as a .docx signed by the last reviewer', async () => {
      const file = await writeReviewOpinionFile({ store }, { documentId, date: '2024-01-15' });
      expect(file.fileName).toMatch(/评审意见\.docx$/);
      expect(Array.from(file.bytes.subarray(0, 2))).toEqual([0x50, 0x4b]);
      expect(file.bytes.length).toBeGreaterThan(5000);
    });

    it('keeps dismissals on a new version of the document, but not its added findings or the override (a new round)', async () => {
      const changed = new Uint8Array([...bytes, 0x0a]);
      const imported = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: SEED_002, bytes: changed, year: 2024 });
      expect(imported).toMatchObject({ status: 'new-version', documentId, version: 2 });
      const r = await getReview({ store }, { documentId });
      expect(r.document.version).toBe(2);
      expect(r.findings.find((f) => f.finding.check === 'missing-annual-target')?.status).toBe('dismissed');
      expect(r.findings.some((f) => f.finding.key.startsWith('manual:'))).toBe(false);
      expect(r.review.override).toBeNull();
      expect(r.decisions.map((d) => d.version)).toEqual(r.decisions.map(() => 1));
    });

    it('answers NOT_FOUND for a document that does not exist, and the database refuses a malformed decision', async () => {
      expect((await rejection(getReview({ store }, { documentId: 999_999 }))).code).toBe('NOT_FOUND');
      expect((await rejection(store.reviews.saveDecision({ documentId: 999_999, version: 1, type: 'accept', findingKey: 'x', by: 'a' }))).code).toBe('NOT_FOUND');
      await expect(store.reviews.saveDecision({ documentId, version: 1, type: 'dismiss', findingKey: 'x', by: 'a' })).rejects.toThrow(/review_decisions_shape/);
    });
  });
}
