import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../testing/builders';
import { validateRuleSetSettings } from '../rules/validate';
import { responseDue } from '../workflow/deadlines';
import { NATIONAL_MONITORING, NATIONAL_MONITORING_V2 } from './builtin-rule-sets';
import { budgetLineKey, indicatorLineKey, monitorDocument } from './monitor-document';
import { decideWarningResponse, executionFloorAt, warningsOf, warningStatus } from './monitoring-warnings';

const settings = NATIONAL_MONITORING_V2.settings.warnings!;
const doc = buildDocument({ projects: [buildProject({ name: '社区活动经费', amount: 100, indicators: [{ name: '举办活动次数', annual: '≥24场' }] })] });

function warnings(cutoffMonth: number, spent: number, actual: number | null = null) {
  const entries = { budget: { [budgetLineKey(0, 0)]: { spent } }, indicators: actual === null ? {} : { [indicatorLineKey(0, 0, 0)]: { actual } } };
  const result = monitorDocument({ document: doc, entries, cutoffMonth, ruleSet: NATIONAL_MONITORING_V2 });
  return warningsOf(result, cutoffMonth, settings);
}

describe('cn-monitoring@2 warnings (issue 14 item 8)', () => {
  it('@1 is unchanged and raises no warnings; @2 passes its own settings check and cites its sources', () => {
    expect(NATIONAL_MONITORING.settings.warnings).toBeUndefined();
    const result = monitorDocument({ document: doc, entries: { budget: { [budgetLineKey(0, 0)]: { spent: 1 } } }, cutoffMonth: 7, ruleSet: NATIONAL_MONITORING });
    expect(warningsOf(result, 7, NATIONAL_MONITORING.settings.warnings)).toEqual([]);
    expect(validateRuleSetSettings('monitoring', NATIONAL_MONITORING_V2.settings)).toEqual([]);
    expect(NATIONAL_MONITORING_V2.sources.map((s) => s.docNo)).toContain('本系统默认（待地方文件核定）');
  });

  it('before the end of April no floor applies', () => {
    expect(executionFloorAt(3, settings)).toBeNull();
    expect(warnings(3, 0)).toEqual([]);
  });

  it.each([
    // month, the floor that applies, spent just below it warns, at it does not
    [4, 25],
    [5, 25],
    [6, 40],
    [7, 40],
    [8, 60],
    [9, 60],
    [10, 80],
    [12, 80],
  ] as const)('by the end of month %s the floor is %s%%', (month, floor) => {
    expect(executionFloorAt(month, settings)?.minRate).toBe(floor);
    const below = warnings(month, floor - 0.01).filter((w) => w.rule === 'execution-floor');
    // The project's line and the whole (合计), each naming its line, rule and figures.
    expect(below.map((w) => w.label)).toEqual(['社区活动经费', '合计']);
    expect(below[0]!.reason).toBe(`1–${month}月累计执行率 ${floor - 0.01}%，低于 ${executionFloorAt(month, settings)!.month} 月底应达到的 ${floor}%`);
    expect(below[0]!.setting).toMatch(/^warnings\.executionFloors\[\d\]$/);
    expect(warnings(month, floor).filter((w) => w.rule === 'execution-floor')).toEqual([]);
  });

  it('target progress and execution more than 10 points apart warn; 10 points do not', () => {
    // July, 24 场 a year: 12 done = 50% of the target; 40% spent → 10 points apart → no warning; 39.9% → 10.1.
    expect(warnings(7, 40, 12).filter((w) => w.rule === 'progress-gap')).toEqual([]);
    const gap = warnings(7, 39.9, 12).filter((w) => w.rule === 'progress-gap');
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ key: 'progress-gap:p-0-0', label: '社区活动经费', setting: 'warnings.progressGap' });
    expect(gap[0]!.reason).toContain('目标进度 50%');
    expect(gap[0]!.reason).toContain('相差 10.1 个百分点');
    // Execution ahead of the targets warns as well.
    expect(warnings(7, 70, 12).map((w) => w.rule)).toEqual(['progress-gap']);
  });
});

describe('responseDue: working days in Beijing', () => {
  it.each([
    // issued (UTC)             days  due (Beijing)
    ['2026-12-01T02:00:00Z', 5, '2026-12-08'], // Tuesday → next Tuesday
    ['2026-12-03T02:00:00Z', 5, '2026-12-10'], // Thursday → across the weekend
    ['2026-12-04T02:00:00Z', 1, '2026-12-07'], // Friday + 1 → Monday
    ['2026-12-05T02:00:00Z', 1, '2026-12-07'], // Saturday + 1 → Monday
    ['2026-12-04T17:00:00Z', 1, '2026-12-07'], // Friday 17:00 UTC is Saturday 01:00 in Beijing → Monday
    ['2026-12-03T17:00:00Z', 1, '2026-12-07'], // Thursday 17:00 UTC is Friday in Beijing → Monday
  ])('issued %s, %s working days → %s', (issuedAt, days, due) => {
    expect(responseDue(issuedAt, days)).toBe(due);
  });
});

describe('decideWarningResponse and warningStatus', () => {
  const unit = { userId: 1, username: 'u', displayName: '李填报', role: 'unit-editor' as const, departmentId: 7, assignedDepartmentIds: [] };
  const reviewer = { ...unit, role: 'finance-reviewer' as const, departmentId: null };
  it('takes one of the responses with an explanation, from the unit only', () => {
    expect(decideWarningResponse(unit, { departmentId: 7 }, { response: '调剂', explanation: ' 调剂 10 万元到社区服务 ' }, settings)).toEqual({ ok: true, response: '调剂', explanation: '调剂 10 万元到社区服务' });
    expect(decideWarningResponse(unit, { departmentId: 8 }, { response: '调剂', explanation: 'x' }, settings)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideWarningResponse(reviewer, { departmentId: 7 }, { response: '调剂', explanation: 'x' }, settings)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideWarningResponse(unit, { departmentId: 7 }, { response: '暂停', explanation: 'x' }, settings)).toMatchObject({ ok: false, message: '请选择处理意见（可选：继续执行、调剂、取消）。' });
    expect(decideWarningResponse(unit, { departmentId: 7 }, { response: '取消', explanation: '  ' }, settings)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
  it('is overdue the day after its deadline, until answered', () => {
    expect(warningStatus({ due: '2026-12-08', answered: false }, '2026-12-08')).toBe('waiting');
    expect(warningStatus({ due: '2026-12-08', answered: false }, '2026-12-09')).toBe('overdue');
    expect(warningStatus({ due: '2026-12-08', answered: true }, '2026-12-09')).toBe('answered');
  });
});
