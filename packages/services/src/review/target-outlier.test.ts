/**
 * `target-outlier` through the review (issue 13 item 4): the store's spreads of other departments' approved targets
 * reach the checks, the finding carries them as evidence, the review DTO hands them to the browser, and a target
 * becomes an outlier only once enough comparable targets were approved — the document's own approval never counts.
 */
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../testing/memory-store';
import { approveTargetsForTest } from '../testing/approve-targets';
import { getReview } from './get-review';
import { renderReviewOpinion } from './render-review-opinion';

const targets = (department: string, rate: string) =>
  buildDocument({ department, year: 2024, projects: [buildProject({ name: '出租屋管理', indicators: [{ name: '出租屋登记率', annual: rate, levels: '1-产出指标; 12-质量指标' }] })] });

async function imported(store: ReturnType<typeof memoryStore>, department: string, rate: string): Promise<number> {
  const saved = await store.documents.saveImport({ document: targets(department, rate), year: 2024, fileName: `${department}.json`, sha256: `${department}-${rate}` });
  return saved.documentId;
}

const outliers = (review: Awaited<ReturnType<typeof getReview>>) => review.findings.filter((f) => f.finding.check === 'target-outlier');

describe('target-outlier in the review', () => {
  it('compares a target with the approved targets of other departments, and says so with the spread', async () => {
    const store = memoryStore();
    const low = await imported(store, '广州市荔湾区人民政府金花街道办事处', '≥40%');
    // Before anything comparable is approved: no spread, no finding.
    expect(outliers(await getReview({ store }, { documentId: low }))).toEqual([]);

    const streets = ['花地', '白鹤洞', '冲口', '石围塘', '茶滘', '东漖'];
    for (const [i, street] of streets.entries()) await approveTargetsForTest({ store }, await imported(store, `广州市荔湾区人民政府${street}街道办事处`, `${95 + (i % 3) * 2}%`));
    const review = await getReview({ store }, { documentId: low });
    expect(review.review.ruleSet.ref).toBe('cn-target-review@2');
    expect(review.benchmarks).toEqual([{ name: '出租屋登记率', unit: '%', count: 6, departments: 6, min: 95, p25: 95.5, median: 97, p75: 98.5, max: 99 }]);
    const [finding, ...more] = outliers(review);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ status: 'open', finding: { severity: 'warning', location: { project: '出租屋管理', indicatorName: '出租屋登记率' } } });
    expect(finding!.finding.message).toContain('明显低于同类单位：指标库中已批复的 6 个同名指标（6 个部门）中位数为 97%');

    // The opinion (.docx) is written from the same findings as the page.
    const opinion = await renderReviewOpinion({ store }, { documentId: low, date: '2024-03-01' });
    expect(opinion.review.findings.some((f) => f.finding.check === 'target-outlier')).toBe(true);

    // A comparable target of a seventh department: nothing to report; an approved document is not its own benchmark.
    const usual = await imported(store, '广州市荔湾区人民政府南源街道办事处', '≥96%');
    expect(outliers(await getReview({ store }, { documentId: usual }))).toEqual([]);
    const first = (await store.documents.listDocuments()).find((d) => d.department?.includes('花地'))!;
    expect((await getReview({ store }, { documentId: first.id })).benchmarks[0]).toMatchObject({ count: 5, departments: 5 });
  });
});
