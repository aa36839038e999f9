/**
 * Stated 分值 / 得分 / 总分 of the national and Sichuan self-evaluation tables against the rule, on the wording and
 * figures of /work/shared/samples (01 青神, 02 大英, 03 廊坊) and seed 004; the built-in rule set a document gets.
 */
import { describe, expect, it } from 'vitest';
import type { Budget, BudgetRow, PerformanceDocument } from '../document/model';
import { builtinRuleSetFor } from '../rules/builtin-for-document';
import { parseActual } from '../target/parse-actual';
import { buildDocument, buildProject } from '../testing/builders';
import { budgetTable } from './budget-table';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_DEPARTMENT_TABLE_SELF_EVALUATION, NATIONAL_PROJECT_SELF_EVALUATION } from './builtin-rule-sets';
import { scoreDepartment } from './score-department';
import { scoreProject } from './score-project';
import { agreesWithStated } from './stated-scores';

const row = (source: string, initial: number | null, adjusted: number | null, spent: number | null, extra: Partial<BudgetRow> = {}): BudgetRow => ({
  source,
  initial,
  adjustment: null,
  adjusted,
  spent,
  statedExecutionRate: null,
  statedAdjustmentRate: null,
  ...extra,
});
const budgetOf = (total: BudgetRow, ...sources: BudgetRow[]): Budget => ({ initial: total.initial, adjustment: null, adjusted: total.adjusted, spent: total.spent, bySource: [total, ...sources] });
const score = (project: Parameters<typeof scoreProject>[0]) => scoreProject(project, project.budget!, '万元', NATIONAL_PROJECT_SELF_EVALUATION);

describe('agreesWithStated: rounding to the decimals the stated score is written with', () => {
  it('takes whole points as rounded (廊坊 writes 9 for 8.62) but not a point off', () => {
    expect(agreesWithStated(9, 8.62)).toBe(true);
    expect(agreesWithStated(17, 16.7)).toBe(true);
    expect(agreesWithStated(16.7, 16.67)).toBe(true);
    expect(agreesWithStated(16.67, 16.67)).toBe(true);
    expect(agreesWithStated(18, 16.7)).toBe(false);
    expect(agreesWithStated(10, 9.29)).toBe(false);
    expect(agreesWithStated(16.6, 16.67)).toBe(false);
  });
});

describe('stated scores of a 项目支出绩效自评表 against the rule', () => {
  it('sample 03 (廊坊 2019): 年度资金总额 43.2 / 37.24, 分值 10, 得分 9 and 工程资金金额 9 of 10 agree with 8.62', () => {
    const p = buildProject({
      name: '廊坊市某项目',
      budget: budgetOf(row('年度资金总额', 43.2, 43.2, 37.24, { weight: 10, score: 9, statedExecutionRate: 86 }), row('其中：当年财政拨款', 43.2, 43.2, 37.24)),
      indicators: [{ name: '指标1工程资金金额', annual: '43.2', levels: '产出指标; 数量指标', weight: 10, score: 9, actual: parseActual('37.24') }],
    });
    const s = score(p);
    expect(s.execution.score).toBe(8.62);
    expect(s.lines[0]!.result.score).toBe(8.62);
    expect(s.differences).toEqual([]);
  });

  it('reports an indicator stated 18 of 20 where the rule gives 16.7, and full marks for 72.74% of a 100% target', () => {
    const p = buildProject({
      name: '工资性支出',
      budget: budgetOf(row('总额', 238.93, 251.89, 251.89, { weight: 10, score: 10 })),
      indicators: [
        { name: '政策宣传覆盖率', annual: '≥100%', levels: '产出指标; 质量指标', weight: 20, score: 18, actual: parseActual('83.5%') },
        { name: '发放(缴纳)覆盖率', annual: '=100%', levels: '产出指标; 数量指标', weight: 60, score: 60, actual: parseActual('72.74%') },
        { name: '足额保障率(参保率)', annual: '=100%', levels: '效益指标; 社会效益指标', weight: 10, score: 10, actual: parseActual('100%') },
      ],
      statedScore: 98,
    });
    const s = score(p);
    const byName = Object.fromEntries(s.differences.filter((d) => d.part === 'indicator').map((d) => [d.name, d]));
    expect(byName['政策宣传覆盖率']).toMatchObject({ stated: 18, computed: 16.7 });
    expect(byName['政策宣传覆盖率']!.message).toContain('按规则「项目支出绩效自评（财预〔2020〕10号）（依据财预〔2021〕101号）」应为 16.7');
    expect(byName['政策宣传覆盖率']!.message).toContain('83.5/100 × 20 = 16.7');
    expect(byName['发放(缴纳)覆盖率']).toMatchObject({ stated: 60, computed: 43.64 });
    expect(byName['足额保障率(参保率)']).toBeUndefined();
    // 10 + 16.7 + 43.64 + 10 = 80.34 by the rule; the table's own parts add up to 98.
    expect(s.differences.find((d) => d.part === 'total')).toMatchObject({ stated: 98, computed: 80.34 });
    expect(s.differences.find((d) => d.part === 'stated-sum')).toBeUndefined();
  });

  it('reports 10 points stated for the budget row where 92.9% execution gives 9.29, and a total the stated parts do not give', () => {
    const p = buildProject({
      name: '社区活动',
      budget: budgetOf(row('年度资金总额', 100, 100, 92.9, { weight: 10, score: 10 })),
      indicators: [
        { name: '举办活动次数', annual: '≥12次', levels: '产出指标; 数量指标', weight: 50, score: 50, actual: parseActual('12次') },
        { name: '活动覆盖率', annual: '≥90%', levels: '效益指标; 社会效益', weight: 30, score: 30, actual: parseActual('95%') },
        { name: '居民满意度', annual: '≥90%', levels: '满意度指标; 服务对象满意度', weight: 10, score: 10, actual: parseActual('95%') },
      ],
      statedScore: 95,
      statedGrade: '优',
    });
    const s = score(p);
    const execution = s.differences.find((d) => d.part === 'execution');
    expect(execution).toMatchObject({ stated: 10, computed: 9.29 });
    expect(execution!.message).toContain('92.9 / 100 × 100% = 92.90%');
    expect(s.differences.find((d) => d.part === 'stated-sum')).toMatchObject({ stated: 95, computed: 100 });
    expect(s.differences.find((d) => d.part === 'total')).toMatchObject({ stated: 95, computed: 99.29 });
    expect(s.differences.find((d) => d.part === 'grade')).toBeUndefined();
    expect(s.notes).toEqual([]);
  });

  it('never scores execution above the 10 points, reports a stated 11 and an execution rate over 100%', () => {
    const p = buildProject({
      name: '超支项目',
      budget: budgetOf(row('年度资金总额', 100, 100, 110, { weight: 10, score: 11 })),
    });
    const s = score(p);
    expect(s.execution).toMatchObject({ rate: 110, score: 10, weight: 10 });
    expect(s.differences.find((d) => d.part === 'execution')?.message).toContain('超过分值 10');
    expect(s.notes.some((n) => n.includes('110.00% 超过 100%') && n.includes('最高 10 分'))).toBe(true);
  });

  it('notes an execution rate below the Sichuan form 90% line (预算执行率未达到90%的需说明原因), and a row 分值 other than the rule', () => {
    const p = buildProject({ name: '慢执行项目', budget: budgetOf(row('总额', 100, 100, 50, { weight: 20 })) });
    const s = score(p);
    expect(s.notes.some((n) => n.includes('50.00% 低于 90%'))).toBe(true);
    expect(s.differences.find((d) => d.part === 'execution-weight')).toMatchObject({ stated: 20, computed: 10 });
  });

  it('sample 02 (大英): 成本控制数 ≤30万元 完成, 权重 90 得分 90 is taken as 达成, and 年初 0.00 gives no adjustment rate', () => {
    const p = buildProject({
      name: '51092324T000010263357-2023年全县安可替代补助资金项目',
      budget: budgetOf(row('总额', 0, 3.36, 3.36, { weight: 10, score: 10, statedExecutionRate: 100 }), row('其中:财政资金', 0, 3.36, 3.36)),
      indicators: [{ name: '成本控制数', annual: '≤30万元', levels: '产出指标; 经济成本指标', weight: 90, score: 90, actual: parseActual('完成') }],
      statedScore: 100,
    });
    const s = score(p);
    expect(s.lines[0]!.result).toMatchObject({ score: 90, status: 'qualitative' });
    expect(s.total).toBe(100);
    expect(s.differences).toEqual([]);
    const table = budgetTable(p.budget, '万元');
    expect(table.map((l) => [l.source, l.adjustment, l.executionRate, l.adjustmentRate, l.executionRateDiffers])).toEqual([
      ['总额', 3.36, 100, null, false],
      ['其中:财政资金', 3.36, 100, null, false],
    ]);
  });
});

describe('budgetTable (seed 004 荔湾区多宝街道)', () => {
  it('recomputes 合计 and every source, beside the stated rates', () => {
    const budget: Budget = {
      initial: 4062.1,
      adjustment: 1026.38,
      adjusted: null,
      spent: 4487.07,
      bySource: [
        { source: '合计', initial: 4062.1, adjustment: 1026.38, adjusted: null, spent: 4487.07, statedExecutionRate: 88.18, statedAdjustmentRate: 25.27 },
        { source: '一般公共预算', initial: 4062.1, adjustment: 210.97, adjusted: null, spent: 3685.76, statedExecutionRate: 87.96, statedAdjustmentRate: 5.19 },
        { source: '政府性基金', initial: 0, adjustment: 815.41, adjusted: null, spent: 801.31, statedExecutionRate: 98.83, statedAdjustmentRate: 0 },
      ],
    };
    const t = budgetTable(budget, '万元');
    expect(t.map((l) => [l.source, l.total, l.adjusted, l.executionRate, l.executionRateDiffers, l.adjustmentRate, l.adjustmentRateDiffers])).toEqual([
      ['合计', true, 5088.48, 88.18, false, 25.27, false],
      ['一般公共预算', false, 4273.07, 86.26, true, 5.19, false],
      ['政府性基金', false, 815.41, 98.27, true, null, false],
    ]);
  });

  it('makes a 合计 line from the document totals when the table has none', () => {
    const t = budgetTable({ initial: 100, adjustment: 20, adjusted: null, spent: 108, bySource: [] }, '万元', { executionRate: 90 });
    expect(t).toMatchObject([{ source: '合计', total: true, executionRate: 90, adjustmentRate: 20, statedExecutionRate: 90, executionRateDiffers: false }]);
  });
});

const dept = (department: string, extra: Partial<PerformanceDocument> = {}) => buildDocument({ kind: 'department-self-evaluation', department, ...extra });

describe('the built-in rule set a document gets', () => {
  it('keeps the Guangzhou department scheme for Guangzhou (seeds 003, 004) and for a name with no place', () => {
    expect(builtinRuleSetFor('department-self-evaluation', dept('广州市荔湾区人民政府多宝街道办事处')).ruleSet.id).toBe('cn-department-self-evaluation');
    expect(builtinRuleSetFor('department-self-evaluation', dept('白云区人民政府白云湖街道办事处')).ruleSet.id).toBe('cn-department-self-evaluation');
    expect(builtinRuleSetFor('department-self-evaluation', dept('测试街道办事处')).ruleSet.id).toBe('cn-department-self-evaluation');
  });
  it('gives the national table to a department elsewhere and to a table with a 分值 column', () => {
    const elsewhere = builtinRuleSetFor('department-self-evaluation', dept('青神县发展和改革局'));
    expect(elsewhere.ruleSet.id).toBe('cn-department-table-self-evaluation');
    expect(elsewhere.reason).toContain('青神县发展和改革局');
    const scored = dept('测试街道办事处', { budget: budgetOf(row('总额', 100, 100, 95, { weight: 10, score: 9.5 })) });
    expect(builtinRuleSetFor('department-self-evaluation', scored).ruleSet.id).toBe('cn-department-table-self-evaluation');
    expect(builtinRuleSetFor('department-self-evaluation', null).ruleSet.id).toBe('cn-department-self-evaluation');
  });
  it('has one project scheme for everyone', () => {
    expect(builtinRuleSetFor('project-self-evaluation', dept('广州市荔湾区人民政府多宝街道办事处')).ruleSet.id).toBe('cn-project-self-evaluation');
    expect(builtinRuleSetFor('project-self-evaluation', dept('大英县司法局')).ruleSet.id).toBe('cn-project-self-evaluation');
  });
});

describe('the national department table scheme (execution 10 + indicators 90)', () => {
  it('scores the indicators by their own 分值 with no separate 年度目标, where the Guangzhou scheme waits for one', () => {
    const indicators = buildProject({
      name: 'x',
      indicators: [
        { name: '重点工作完成率', annual: '≥95%', levels: '产出指标; 数量指标', weight: 50, actual: parseActual('95%') },
        { name: '群众满意度', annual: '≥90%', levels: '满意度指标; 服务对象满意度', weight: 40, actual: parseActual('90%') },
      ],
    }).indicators;
    const input = { budget: { initial: 100, adjustment: null, adjusted: 100, spent: 95 }, goalTier: null, keyTasks: [{ name: '部门整体绩效指标', content: null, funds: null, expected: null, projects: [], indicators }] };
    const national = scoreDepartment(input, '万元', NATIONAL_DEPARTMENT_TABLE_SELF_EVALUATION);
    expect(national).toMatchObject({ rule: 'cn-department-table-self-evaluation@1', total: 99.5, grade: '优', annualGoal: { score: 0, weight: 0 } });
    expect(national.spendingProgress.score).toBe(9.5);
    expect(scoreDepartment(input, '万元', NATIONAL_DEPARTMENT_SELF_EVALUATION).total).toBeNull();
  });
});
