import { describe, expect, it } from 'vitest';
import type { ResultsUseRowDto } from './api';
import { decidedByText, decidedLabel, defaultResultsYear, lastYearLine, mainReason, selfEvaluationText, totalsText } from './model';

const row = (extra: Partial<ResultsUseRowDto> = {}): ResultsUseRowDto => ({
  documentId: 1,
  projectKey: 'u0.p0',
  year: 2024,
  departmentId: 1,
  department: '金花街道办事处',
  unit: '金花街道办事处',
  project: '社区居民活动费',
  code: null,
  budgetWan: 12.5,
  selfEvaluation: { evaluationId: 3, total: 72.5, grade: '中', ruleSet: 'cn-project-self-evaluation@1', scoredAt: '2026-12-04T12:00:00.000Z' },
  reviewConclusion: '良',
  evaluationGrade: null,
  openRectifications: 0,
  suggestion: { suggestion: 'improve', label: '改进，可适当压减', advice: '', rule: 'cn-results-use@1', ruleTitle: '绩效结果应用', reasons: [] },
  state: 'suggested',
  stateLabel: '建议',
  decision: null,
  suggestionChanged: false,
  history: [],
  ...extra,
});

const confirmed = { id: 1, kind: 'confirm' as const, suggestion: 'improve', label: '改进，可适当压减', computed: 'improve', computedLabel: '改进，可适当压减', reason: '属实', ruleSet: 'cn-results-use@1', by: '区财政局审核人', at: '2026-12-04T13:05:00.000Z' };

describe('results use in words', () => {
  it('writes the score and grade, or says it is not scored', () => {
    expect(selfEvaluationText(row())).toBe('72.50 分 · 中');
    expect(selfEvaluationText(row({ selfEvaluation: null }))).toBe('未评分');
  });

  it('names the decision when there is one, else the suggestion, with who and when in Beijing time', () => {
    expect(decidedLabel(row())).toBe('改进，可适当压减');
    expect(decidedLabel(row({ decision: { ...confirmed, label: '压减' } }))).toBe('压减');
    expect(decidedByText(row({ decision: confirmed }))).toBe('区财政局审核人 2026-12-04 21:05');
  });

  it('puts under a suggestion the reason that decided it', () => {
    const suggestion = { ...row().suggestion, reasons: ['自评「优」→ 支持', '审核结论「良」→ 保持', '取其中最严格的「保持」'] };
    expect(mainReason(row({ suggestion }))).toBe('取其中最严格的「保持」');
    expect(mainReason(row({ suggestion: { ...suggestion, reasons: ['自评「中」'] } }))).toBe('自评「中」');
    expect(mainReason(row({ suggestion: { ...suggestion, reasons: [] } }))).toBe('');
  });

  it('adds the budgets exactly and counts the states', () => {
    expect(totalsText([row({ budgetWan: 15.28 }), row({ budgetWan: 1234.1, state: 'confirmed' }), row({ budgetWan: null })])).toBe('3 个项目，预算合计 1,249.38 万元；已确认 1 · 已调整 0 · 待确认 2');
  });

  it('defaults to the working year or the latest with documents, and writes last year beside next year’s project', () => {
    expect(defaultResultsYear(undefined, [2023, 2024])).toBe(2024);
    expect(defaultResultsYear(2023, [2023, 2024])).toBe(2023);
    expect(defaultResultsYear(undefined, [])).toBeNull();
    expect(lastYearLine(2024, row({ decision: confirmed, state: 'confirmed', stateLabel: '已确认' }))).toBe('2024 年度 自评 72.50 分 · 中，审核结论 良 · 财政已确认：改进，可适当压减');
    expect(lastYearLine(2024, row())).toBe('2024 年度 自评 72.50 分 · 中，审核结论 良 · 建议：改进，可适当压减（待财政确认）');
  });
});
