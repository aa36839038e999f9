import { describe, expect, it } from 'vitest';
import { draftProjectSelfEvaluationReport } from '../report/draft-project';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_PROJECT_SELF_EVALUATION } from '../scoring/builtin-rule-sets';
import { buildDocument, buildIndicator, buildProject } from '../testing/builders';
import { applyEntries, entriesFromDocument } from './apply-entries';
import { budgetSlots, indicatorSlots } from './entries';
import { scoredLinesByKey, scoreSelfEvaluation } from './score-self-evaluation';

const target = buildDocument({ year: 2024, projects: [buildProject({ name: '社区活动', amount: 12.34 }), buildProject({ name: '长者饭堂', amount: 20 })] });

describe('self-evaluation entries over frozen targets', () => {
  it('keys every indicator and budget line by position, and lays entries over a copy (the targets stay untouched)', () => {
    expect(indicatorSlots(target).map((s) => s.key)).toEqual(['u0.p0.i0', 'u0.p0.i1', 'u0.p0.i2', 'u0.p1.i0', 'u0.p1.i1', 'u0.p1.i2']);
    expect(budgetSlots(target).map((s) => [s.key, s.planned])).toEqual([
      ['u0.p0', 12.34],
      ['u0.p1', 20],
    ]);
    const before = JSON.stringify(target);
    const doc = applyEntries(target, { indicators: { 'u0.p0.i1': { actual: '85%' } }, budgets: { 'u0.p0': { adjusted: 12.34, spent: 6.17 } } });
    expect(JSON.stringify(target)).toBe(before);
    expect(doc.kind).toBe('project-self-evaluation');
    expect(doc.units[0]!.projects[0]!.indicators[1]!.actual).toEqual({ text: '85%', op: null, value: 85, unit: '%' });
    expect(doc.units[0]!.projects[0]!.budget).toMatchObject({ initial: 12.34, adjusted: 12.34, spent: 6.17 });
  });

  it('scores each project by R7 and finds each line by its key; an overrun asks for a reason until one is written', () => {
    const entries = { indicators: { 'u0.p0.i0': { actual: '20次' }, 'u0.p0.i1': { actual: '85%' }, 'u0.p0.i2': { actual: '95%' } }, budgets: { 'u0.p0': { adjusted: 12.34, spent: 6.17 } } };
    const doc = applyEntries(target, entries);
    const score = scoreSelfEvaluation(doc, null, NATIONAL_PROJECT_SELF_EVALUATION);
    if (score.scope !== 'project') throw new Error('project expected');
    expect(score.total).toBeNull();
    const first = score.projects[0]!.score;
    expect(first.execution).toMatchObject({ rate: 50, score: 5 });
    const lines = scoredLinesByKey(doc, score);
    expect(lines.get('u0.p0.i1')!.result).toMatchObject({ status: 'partly', score: 28.33 });
    expect(lines.get('u0.p0.i0')!.result).toMatchObject({ status: 'met', overrun: true, needsExplanation: true });
    expect(first.total).toBe(5 + 50 + 28.33 + 10);
    const explained = scoreSelfEvaluation(applyEntries(target, { ...entries, indicators: { ...entries.indicators, 'u0.p0.i0': { actual: '20次', deviationReason: '新增了夜间活动' } } }), null, NATIONAL_PROJECT_SELF_EVALUATION);
    expect(scoredLinesByKey(doc, explained).get('u0.p0.i0')!.result.needsExplanation).toBe(false);
  });

  it('an imported department self-evaluation keeps its own reading: entries from the document score the same as the document', () => {
    const doc = buildDocument({
      kind: 'department-self-evaluation',
      year: 2021,
      budget: { initial: 100, adjustment: 20, adjusted: null, spent: 108, bySource: [] },
      keyTasks: [{ name: '党建', content: null, funds: 10, expected: null, projects: [], weight: 5, indicators: [{ ...buildIndicator({ name: '阵地建设', annual: '确保落到实处' }, 1), weight: 5, score: 4.5, actual: { text: '已完成 16 个阵地建设', op: null, value: null, unit: null } }] }],
    });
    const entries = entriesFromDocument(doc);
    expect(entries.budgets['department']).toEqual({ initial: 100, adjusted: 120, spent: 108 });
    const a = scoreSelfEvaluation(applyEntries(doc, entries), { tier: 'achieved' }, NATIONAL_DEPARTMENT_SELF_EVALUATION);
    const b = scoreSelfEvaluation(doc, { tier: 'achieved' }, NATIONAL_DEPARTMENT_SELF_EVALUATION);
    expect(a).toEqual(b);
    if (a.scope !== 'department') throw new Error('department expected');
    expect(a.department.spendingProgress.rate).toBe(90);
    expect(a.department.tasks[0]!.score).toBe(4.5);
    expect(scoredLinesByKey(doc, a).get('t0.i0')!.weight).toBe(5);

    // An entered 全年预算数 gives the 调整数 exactly (in fen), and a table's 合计 line follows the department total.
    const withTotal = { ...doc, budget: { ...doc.budget!, bySource: [{ source: '合计', initial: 100, adjustment: 20, adjusted: null, spent: 108, statedExecutionRate: 90, statedAdjustmentRate: 20 }] } };
    const entered = applyEntries(withTotal, { indicators: {}, budgets: { department: { adjusted: 130.1, spent: 117 } } });
    expect(entered.budget).toMatchObject({ initial: 100, adjustment: 30.1, adjusted: 130.1, spent: 117 });
    expect(entered.budget!.bySource[0]).toMatchObject({ source: '合计', adjustment: 30.1, adjusted: 130.1, spent: 117, statedExecutionRate: null });
  });

  it('drafts the report problems from the real shortfalls only, one measure for each', () => {
    const entries = { indicators: { 'u0.p0.i0': { actual: '6次' }, 'u0.p0.i1': { actual: '95%' }, 'u0.p0.i2': { actual: '92%' }, 'u0.p1.i0': { actual: '12次' }, 'u0.p1.i1': { actual: '90%' }, 'u0.p1.i2': { actual: '90%' } }, budgets: { 'u0.p0': { adjusted: 10, spent: 5 }, 'u0.p1': { adjusted: 20, spent: 20 } } };
    const doc = applyEntries(target, entries);
    const score = scoreSelfEvaluation(doc, null, NATIONAL_PROJECT_SELF_EVALUATION);
    if (score.scope !== 'project') throw new Error('project expected');
    const draft = draftProjectSelfEvaluationReport({ document: doc, projects: score.projects, rule: score.rule, ruleTitle: score.ruleTitle });
    expect(draft.problems.map((p) => [p.kind, p.source])).toEqual([
      ['execution-low', '社区活动 预算执行率 50.00%'],
      ['indicator-missed', '社区活动 / 「举办活动次数」'],
    ]);
    expect(draft.problems[1]!.text).toContain('「举办活动次数」目标 ≥12次、实际完成 6次');
    const sections = Object.fromEntries(draft.sections.map((s) => [s.heading, s.paragraphs]));
    expect(sections['三、存在的主要问题']).toHaveLength(2);
    expect(sections['四、下一步改进措施']![1]).toContain('「举办活动次数」');
    expect(sections['（一）自评结论综述']!.join('')).toContain('「长者饭堂」自评得分 100 分，等级为「优」');
    // The rule set is named in words with its 文号, never by its record id.
    expect(sections['（一）自评结论综述']!.join('')).toContain('按「项目支出绩效自评（财预〔2020〕10号）（依据财预〔2021〕101号）」计算');
    expect(JSON.stringify(draft.sections)).not.toContain('@');
    // Each project in one sentence: the count met, and only the indicators not met, with their figures.
    const analysis = sections['（二）各项目绩效目标完成情况分析']!;
    expect(analysis).toHaveLength(2);
    expect(analysis[0]).toMatch(/^1\. 社区活动：共 3 个绩效指标，已完成或已评定 2 个；未达成的：「举办活动次数」目标 ≥12次、完成 6次，未完成，得分 [\d.]+\/\d+；项目得分 [\d.]+ 分。$/);
    expect(analysis[1]).toBe('2. 长者饭堂：共 3 个绩效指标，已完成或已评定 3 个，全部达成；项目得分 100 分。');
  });
});
