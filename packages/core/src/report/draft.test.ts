import { describe, expect, it } from 'vitest';
import { parseActual } from '../target/parse-actual';
import { buildDocument, buildIndicator } from '../testing/builders';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION } from '../scoring/builtin-rule-sets';
import { scoreDepartment } from '../scoring/score-department';
import { draftSelfEvaluationReport } from './draft';

const doc = buildDocument({
  kind: 'department-self-evaluation',
  department: '广州市荔湾区人民政府多宝街道办事处',
  year: 2021,
  goalText: '2021年是建党100周年……努力开创多宝工作新局面。',
  budget: { initial: 4062.1, adjustment: 1026.38, adjusted: null, spent: 4487.07, bySource: [] },
  keyTasks: [
    {
      name: '任务2',
      content: '一是着力抓普法工作……',
      funds: 233,
      expected: null,
      projects: [],
      indicators: [
        buildIndicator({ name: '开展消防安全活动次数', annual: '4次', actual: parseActual('6次') }, 1),
        buildIndicator({ name: '信访案件办结率', annual: '95%', actual: parseActual('90%') }, 2),
      ],
    },
  ],
});

describe('draftSelfEvaluationReport', () => {
  const score = scoreDepartment({ budget: doc.budget!, goalTier: 'achieved', keyTasks: doc.keyTasks! }, '万元', NATIONAL_DEPARTMENT_SELF_EVALUATION);
  const draft = draftSelfEvaluationReport({ document: doc, score });

  it("follows seed 001's structure", () => {
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '一、基本情况',
      '（一）部门职能',
      '（二）部门整体收支情况',
      '（三）部门整体支出绩效目标',
      '（四）部门年度重点工作任务',
      '二、综合评价分析',
      '（一）自评结论综述',
      '（二）各重点工作任务绩效目标完成情况分析',
      '三、存在的主要问题',
      '四、下一步改进措施',
    ]);
    expect(draft.title).toBe('2021年度广州市荔湾区人民政府多宝街道办事处部门整体支出绩效自评报告');
  });

  it('drafts problems from the real shortfalls, each with its own measure', () => {
    expect(draft.problems.map((p) => p.kind)).toEqual(['execution-low', 'indicator-overrun', 'indicator-missed']);
    expect(draft.problems[0]?.text).toContain('88.18%');
    expect(draft.problems[2]?.text).toContain('「信访案件办结率」年度目标为 95%，实际完成 90%');
    expect(draft.problems[1]?.measure).toContain('开展消防安全活动次数');
    const measures = draft.sections.find((s) => s.heading === '四、下一步改进措施')!.paragraphs;
    expect(measures).toHaveLength(3);
  });

  it('states the score and the rule set it came from', () => {
    const summary = draft.sections.find((s) => s.heading === '（一）自评结论综述')!.paragraphs.join('');
    expect(summary).toContain(`${score.total} 分`);
    // In words with its 文号, as people read it; the record id stays out of the report.
    expect(summary).toContain('按「部门整体支出绩效自评（白云区 2021 年自评报告所用结构）（依据财预〔2020〕10号）」计算');
    expect(summary).not.toContain('cn-department-self-evaluation@1');
    expect(draft.rule).toBe('cn-department-self-evaluation@1');
  });
});
