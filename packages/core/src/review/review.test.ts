import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../testing/builders';
import { NATIONAL_TARGET_REVIEW } from './builtin-rule-set';
import { gradeFor } from '../rules/grades';
import { reviewDocument } from './review';
import { runChecks } from './run-checks';

const weakDoc = buildDocument({
  projects: [
    buildProject({
      name: '社区两委干部补贴',
      indicators: [
        { name: '工资福利发放率', annual: '100%' },
        { name: '社区两委干部幸福感', annual: '增强', levels: '1-产出指标; 12-质量指标' },
        { name: '资金拨付使用率', annual: '100%', levels: '2-效益指标; 22-社会效益' },
      ],
    }),
  ],
});

describe('reviewDocument', () => {
  const findings = runChecks(weakDoc);

  it('scores each dimension out of 25 and concludes', () => {
    const review = reviewDocument(weakDoc, findings, NATIONAL_TARGET_REVIEW);
    expect(review.dimensions.map((d) => d.label)).toEqual(['完整性', '相关性', '适当性', '可行性']);
    expect(review.total).toBe(review.dimensions.reduce((a, d) => a + d.score, 0));
    expect(review.total).toBeLessThan(100);
    expect(review.rule).toBe('cn-target-review@1');
    expect(review.quantified).toEqual({ quantitative: 2, indicators: 3, share: 66.67 });
    expect(review.conclusion).toBe(review.computedConclusion);
  });

  it('a dismissed finding no longer counts; the dismissal keeps its reason, who and when', () => {
    const missing = findings.find((f) => f.check === 'missing-level1')!;
    const before = reviewDocument(weakDoc, findings, NATIONAL_TARGET_REVIEW);
    const after = reviewDocument(weakDoc, findings, NATIONAL_TARGET_REVIEW, [
      { type: 'dismiss', findingKey: missing.key, reason: '补贴类项目按区规定不设满意度', by: '张三', at: '2026-11-22T10:00:00Z' },
    ]);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.findings.find((f) => f.finding.key === missing.key)).toMatchObject({ status: 'dismissed', reason: '补贴类项目按区规定不设满意度', by: '张三' });
  });

  it('an override replaces the conclusion but keeps the computed one beside it', () => {
    const review = reviewDocument(weakDoc, findings, NATIONAL_TARGET_REVIEW, [{ type: 'override', conclusion: '中', reason: '指标需整体重设', by: '李四', at: '2026-11-22T10:00:00Z' }]);
    expect(review.conclusion).toBe('中');
    expect(review.override?.reason).toBe('指标需整体重设');
    expect(review.computedConclusion).not.toBe('');
  });

  it('a finding added by the reviewer counts like the others', () => {
    const added = { ...findings[0]!, key: 'manual:1', message: '项目内容与部门职能关联不清', check: 'indicator-unrelated' as const, severity: 'error' as const, dimension: 'relevance' as const };
    const review = reviewDocument(weakDoc, findings, NATIONAL_TARGET_REVIEW, [{ type: 'add', finding: added, by: '王五', at: '2026-11-22T10:00:00Z' }]);
    expect(review.findings.find((f) => f.finding.key === 'manual:1')?.status).toBe('added');
    expect(review.dimensions.find((d) => d.dimension === 'relevance')!.score).toBeLessThan(25);
  });

  it('a well-formed project has no error finding', () => {
    const good = buildDocument({ projects: [buildProject({ name: '社区居民活动费', goal: '开展社区主题教育和服务活动48次，提高居民参与社区服务的热情。' })] });
    expect(runChecks(good).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('grade boundaries (R7, R9)', () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeFor(total, NATIONAL_TARGET_REVIEW.settings.grades)).toBe(grade);
  });

  it('more findings never raise the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: findingsPool().length }), fc.integer({ min: 0, max: findingsPool().length }), (a, b) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        const pool = findingsPool();
        const lo = reviewDocument(weakDoc, pool.slice(0, many), NATIONAL_TARGET_REVIEW).total;
        const hi = reviewDocument(weakDoc, pool.slice(0, few), NATIONAL_TARGET_REVIEW).total;
        expect(lo).toBeLessThanOrEqual(hi);
      }),
    );
  });
});

function findingsPool() {
  return runChecks(weakDoc);
}
