import { describe, expect, it } from 'vitest';
import type { BudgetRow } from '../../document/model';
import { buildDocument, buildIndicator, buildProject } from '../../testing/builders';
import { rateMismatch } from './rate-mismatch';
import { sumMismatch } from './sum-mismatch';
import { targetConflict } from './target-conflict';
import { weightSum } from './weight-sum';
import { runCheck } from './test-helpers';

const row = (source: string, initial: number | null, adjustment: number | null, spent: number | null, exec: number | null, adj: number | null): BudgetRow => ({
  source,
  initial,
  adjustment,
  adjusted: null,
  spent,
  statedExecutionRate: exec,
  statedAdjustmentRate: adj,
});

/** Seed 004's budget table as printed. */
const seed004Budget = buildDocument({
  kind: 'department-self-evaluation',
  budget: {
    initial: 4062.1,
    adjustment: 1026.38,
    adjusted: null,
    spent: 4487.07,
    bySource: [row('合计', 4062.1, 1026.38, 4487.07, 88.18, 25.27), row('一般公共预算', 4062.1, 210.97, 3685.76, 87.96, 5.19), row('政府性基金', 0, 815.41, 801.31, 98.83, 0)],
  },
  statedExecutionRate: 88.18,
  statedAdjustmentRate: 25.27,
  keyTasks: [446, 233, 2286, 1241, 281].map((funds, i) => ({ name: `任务${i + 1}`, content: null, funds, expected: null, projects: [] })),
});

describe('rate-mismatch (seed 004)', () => {
  const found = runCheck(rateMismatch, seed004Budget);

  it('flags the two sub-row completion rates with the recomputed values', () => {
    const errors = found.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.location.field)).toEqual(['一般公共预算 预算完成率', '政府性基金 预算完成率']);
    expect(errors[0]?.message).toContain('86.26%');
    expect(errors[1]?.message).toContain('98.27%');
  });

  it('does not flag 88.18% or 25.27%, nor 5.19%', () => {
    expect(found.some((f) => f.location.field?.startsWith('合计'))).toBe(false);
    expect(found.some((f) => f.location.field === '一般公共预算 预算调整率')).toBe(false);
  });

  it('notes a 0.00% adjustment rate on a zero initial budget as undefined (info)', () => {
    expect(found.filter((f) => f.severity === 'info').map((f) => f.location.field)).toEqual(['政府性基金 预算调整率']);
  });
});

describe('sum-mismatch', () => {
  it('accepts seed 004: sources add up, task funds 4,487 match 4,487.07 to the printed precision', () => {
    expect(runCheck(sumMismatch, seed004Budget)).toEqual([]);
  });

  it('flags seed 003: sources 17,507.49 + 114.45 + 0 = 17,621.94, not 17,626.37', () => {
    const doc = buildDocument({
      kind: 'department-self-evaluation',
      budget: { initial: 18063.39, adjustment: null, adjusted: 18009.98, spent: 17626.37, bySource: [row('一般公共预算', 17959.26, null, 17507.49, null, null), row('政府性基金', 85.94, null, 114.45, null, null), row('其他收入', 18.19, null, 0, null, null)] },
    });
    const found = runCheck(sumMismatch, doc);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('17,621.94');
    expect(found[0]?.message).toContain('17,626.37');
    expect(found[0]?.message).toContain('4.43');
  });

  it('flags projects that do not add up to the unit subtotal (seed 002 excerpt)', () => {
    const doc = buildDocument({ statedTotal: 30, projects: [buildProject({ name: '甲', amount: 16.56, funding: { fiscal: 16.56, specialAccount: null, other: null } }), buildProject({ name: '乙', amount: 60.8, funding: { fiscal: 60.8, specialAccount: null, other: null } })] });
    doc.units[0]!.statedAmount = 77.36;
    expect(runCheck(sumMismatch, doc).map((f) => f.location.field)).toEqual(['合计']);
    doc.units[0]!.statedAmount = 77.4;
    expect(runCheck(sumMismatch, doc).map((f) => f.location.field)).toEqual(['单位小计', '合计']);
  });

  it('checks seed 000: 基本 + 项目 = 总数, task funds = 项目支出, staffing', () => {
    const doc = buildDocument({
      kind: 'department-targets',
      profile: { budgetTotal: 6491.63, basicExpenditure: 3209.1, projectExpenditure: 3282.53, staffing: { authorized: 70, actual: 66 }, statedFigures: { 行政编制: 49, 事业编制: 15, 后勤服务人员: 2, 基本支出占比: 49.43, 项目支出占比: 50.57, 在职实有占编制比: 94 } },
      keyTasks: [999.53, 1368.23, 621.91, 292.86].map((funds, i) => ({ name: `任务${i + 1}`, content: null, funds, expected: null, projects: [] })),
    });
    expect(runCheck(sumMismatch, doc)).toEqual([]);
    expect(runCheck(rateMismatch, doc)).toEqual([]);
    doc.profile!.statedFigures!['基本支出占比'] = 49.53;
    expect(runCheck(rateMismatch, doc).map((f) => f.evidence)).toEqual(['写明 49.53%；计算 49.43%']);
  });
});

describe('weight-sum (seed 003)', () => {
  it('accepts 5 + 14 + 14 + 14 + 3 = 50 and flags a task whose indicator weights do not add up', () => {
    const tasks = [5, 14, 14, 14, 3].map((weight, i) => ({ name: `任务${i + 1}`, content: null, funds: null, expected: null, projects: [], weight, indicators: [buildIndicator({ name: '指标', weight, annual: '100%' })] }));
    expect(runCheck(weightSum, buildDocument({ kind: 'department-self-evaluation', keyTasks: tasks }))).toEqual([]);
    tasks[0]!.indicators = [buildIndicator({ name: '阵地建设的数量、质量', weight: 1 }), buildIndicator({ name: '完成发展党员率', weight: 2 })];
    const found = runCheck(weightSum, buildDocument({ kind: 'department-self-evaluation', keyTasks: tasks }));
    expect(found.map((f) => f.location.keyTask)).toEqual(['任务1']);
  });
});

describe('target-conflict', () => {
  it('finds an indicator whose target differs between the body and 附件1', () => {
    const body = [buildIndicator({ name: '出租屋登记率', annual: '100%' }, 4)];
    const doc = buildDocument({ kind: 'department-targets', indicators: body, restatements: [{ source: '附件1 部门整体预算绩效目标表', indicators: [buildIndicator({ name: '出租屋登记率', annual: '≥95%' })] }] });
    const [f] = runCheck(targetConflict, doc);
    expect(f?.message).toContain('附件1');
    const same = buildDocument({ kind: 'department-targets', indicators: body, restatements: [{ source: '附件1', indicators: [buildIndicator({ name: '出租屋 登记率', annual: '100%' })] }] });
    expect(runCheck(targetConflict, same)).toEqual([]);
  });
});
