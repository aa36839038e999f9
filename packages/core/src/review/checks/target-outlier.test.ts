import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { outlierOf, type TargetBenchmark } from '../benchmarks';
import { NATIONAL_TARGET_REVIEW, NATIONAL_TARGET_REVIEW_V2 } from '../builtin-rule-set';
import { runChecks } from '../run-checks';
import { runCheck } from './test-helpers';
import { targetOutlier } from './target-outlier';

const SETTINGS = NATIONAL_TARGET_REVIEW_V2.settings.targetOutlier!;
/** 出租屋登记率 in 8 approved targets of 5 departments: mostly 95–100%. */
const RENTALS: TargetBenchmark = { name: '出租屋登记率', unit: '%', count: 8, departments: 5, min: 90, p25: 95, median: 98, p75: 100, max: 100 };
const ACTIVITIES: TargetBenchmark = { name: '举办活动次数', unit: '次', count: 12, departments: 6, min: 4, p25: 10, median: 12, p75: 20, max: 24 };

const withTarget = (name: string, text: string) => buildDocument({ projects: [buildProject({ name: '出租屋管理', indicators: [{ name, annual: text }] })] });

describe('outlierOf', () => {
  it('flags values outside Tukey’s fences and far enough from the median, on either side', () => {
    expect(outlierOf(40, RENTALS, SETTINGS)).toBe('low');
    expect(outlierOf(90, RENTALS, SETTINGS)).toBeNull(); // within the fences
    expect(outlierOf(200, ACTIVITIES, SETTINGS)).toBe('high');
    expect(outlierOf(24, ACTIVITIES, SETTINGS)).toBeNull();
  });

  it('says nothing from too few targets or departments, or for a value close to the median', () => {
    expect(outlierOf(40, { ...RENTALS, count: 4 }, SETTINGS)).toBeNull();
    expect(outlierOf(40, { ...RENTALS, departments: 2 }, SETTINGS)).toBeNull();
    // Every unit sets 100%: 99% is outside the (empty) fences but only 1% off the median.
    expect(outlierOf(99, { ...RENTALS, p25: 100, median: 100, p75: 100, min: 100 }, SETTINGS)).toBeNull();
    expect(outlierOf(60, { ...RENTALS, p25: 100, median: 100, p75: 100, min: 100 }, SETTINGS)).toBe('low');
  });
});

describe('target-outlier', () => {
  it('reports a target far below comparable units’, with the spread as evidence and the rule set’s source', () => {
    const [finding, ...rest] = runCheck(targetOutlier, withTarget('出租屋登记率', '≥40%'), [RENTALS]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ check: 'target-outlier', severity: 'warning', dimension: 'appropriateness', location: { project: '出租屋管理', indicatorName: '出租屋登记率', field: '指标值' } });
    expect(finding!.message).toBe('「出租屋登记率」的目标值「≥40%」明显低于同类单位：指标库中已批复的 8 个同名指标（5 个部门）中位数为 98%，一半在 95%–100% 之间。');
    expect(finding!.suggestion).toContain('财预〔2021〕101号');
    expect(finding!.evidence).toBe('指标库（已批复目标）：8 个，最小 90%，25% 95%，中位数 98%，75% 100%，最大 100%');
  });

  it('matches by name and unit only: another unit, another name, a qualitative target or no benchmarks find nothing', () => {
    expect(runCheck(targetOutlier, withTarget('出租屋登记率', '40户'), [RENTALS])).toEqual([]);
    expect(runCheck(targetOutlier, withTarget('出租屋巡查率', '40%'), [RENTALS])).toEqual([]);
    expect(runCheck(targetOutlier, withTarget('出租屋登记率', '逐步提高'), [RENTALS])).toEqual([]);
    expect(runCheck(targetOutlier, withTarget('出租屋登记率', '40%'))).toEqual([]);
    // Spaces and full-width brackets in a name do not make it another indicator.
    expect(runCheck(targetOutlier, withTarget('出租屋 登记率', '40%'), [RENTALS])).toHaveLength(1);
  });

  it('runs in version 2 of the built-in rule set and not in version 1, which predates it', () => {
    const doc = withTarget('出租屋登记率', '40%');
    expect(runChecks(doc, NATIONAL_TARGET_REVIEW_V2, undefined, [RENTALS]).filter((f) => f.check === 'target-outlier').map((f) => f.rule)).toEqual(['cn-target-review@2']);
    expect(runChecks(doc, NATIONAL_TARGET_REVIEW, undefined, [RENTALS]).filter((f) => f.check === 'target-outlier')).toEqual([]);
  });
});
