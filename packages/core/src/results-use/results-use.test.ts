/**
 * R11 over the built-in rule data: every grade of every result gives the rule's suggestion with its reason and rule,
 * the strictest wins, open rectification reduces until fixed, and only the finance reviewer (or an admin) decides,
 * always with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import { ruleSetRef } from '../rules/rule-set';
import { validateRuleSet, validateRuleSetSettings } from '../rules/validate';
import { NATIONAL_RESULTS_USE } from './builtin-rule-set';
import { decideResultsUse, stateOfDecision } from './decide';
import { matchLastYear } from './match';
import { suggestBudgetUse, type ProjectResults } from './suggest';

const none: ProjectResults = { selfEvaluationGrade: null, reviewConclusion: null, evaluationGrade: null, openRectifications: [] };
const actor = (role: Role, departmentId: number | null = null): Actor => ({ userId: 1, username: role, displayName: role, role, departmentId, assignedDepartmentIds: [7] });
const settings = NATIONAL_RESULTS_USE.settings;

describe('the suggestion for next year (R11)', () => {
  const expected: Record<string, string> = { 优: '支持', 良: '保持', 中: '改进，可适当压减', 差: '压减或取消' };
  for (const [grade, label] of Object.entries(expected)) {
    for (const field of ['selfEvaluationGrade', 'reviewConclusion', 'evaluationGrade'] as const) {
      it(`${field} ${grade} → ${label}, naming the rule and its 文号`, () => {
        const s = suggestBudgetUse({ ...none, [field]: grade }, NATIONAL_RESULTS_USE);
        expect(s.label).toBe(label);
        expect(s.rule).toBe('cn-results-use@1');
        expect(s.ruleTitle).toMatch(/中发〔2018〕34号/);
        expect(s.reasons).toHaveLength(1);
        expect(s.reasons[0]).toContain(`为「${grade}」：按规则，「${grade}」建议「${label}」`);
      });
    }
  }

  it('says why there is nothing to suggest when no result exists yet', () => {
    const s = suggestBudgetUse(none, NATIONAL_RESULTS_USE);
    expect(s.suggestion).toBeNull();
    expect(s.reasons).toEqual(['尚无绩效自评等级、绩效评价等级或审核结论，暂不能提出预算安排建议。']);
  });

  it('takes the strictest suggestion when the results differ, and says so', () => {
    const s = suggestBudgetUse({ ...none, selfEvaluationGrade: '优', reviewConclusion: '中' }, NATIONAL_RESULTS_USE);
    expect(s.suggestion).toBe('improve');
    expect(s.reasons.at(-1)).toBe('各项结果的建议不同，取其中最严格的「改进，可适当压减」。');
  });

  it('reduces a good project while its rectification is open, naming the items', () => {
    const s = suggestBudgetUse({ ...none, selfEvaluationGrade: '优', openRectifications: [{ title: '绩效目标不细化' }] }, NATIONAL_RESULTS_USE);
    expect(s.label).toBe('压减');
    expect(s.reasons).toContain('有 1 项整改尚未完成（「绩效目标不细化」）：按规则，整改到位前建议「压减」。');
    // 差 is stricter than the rectification's 压减.
    expect(suggestBudgetUse({ ...none, selfEvaluationGrade: '差', openRectifications: [{ title: 'x' }] }, NATIONAL_RESULTS_USE).label).toBe('压减或取消');
  });

  it('ignores a grade the rule has no row for, saying so, and a result the basis leaves out', () => {
    const s = suggestBudgetUse({ ...none, selfEvaluationGrade: '低' }, NATIONAL_RESULTS_USE);
    expect(s.suggestion).toBeNull();
    expect(s.reasons[0]).toMatch(/「低」，本规则的等级表中没有这一等级/);
    const selfOnly = { ...NATIONAL_RESULTS_USE, version: 2, settings: { ...settings, basis: ['self-evaluation' as const] } };
    const t = suggestBudgetUse({ ...none, selfEvaluationGrade: '良', reviewConclusion: '差' }, selfOnly);
    expect([t.label, ruleSetRef(selfOnly), t.rule]).toEqual(['保持', 'cn-results-use@2', 'cn-results-use@2']);
  });
});

describe('the rule data', () => {
  it('is valid, and a suggestion named but not listed is refused in Chinese', () => {
    expect(validateRuleSet(NATIONAL_RESULTS_USE)).toEqual([]);
    const bad = { ...structuredClone(settings), byGrade: [{ grade: '优', suggestion: 'double' }], openRectification: { suggestion: 'stop' } };
    expect(validateRuleSetSettings('results-use', bad)).toEqual([
      '设置 byGrade[0].suggestion：等级「优」的建议 double 不在建议列表中（可用：support、keep、improve、reduce、reduce-or-cancel）',
      '设置 openRectification.suggestion：整改未完成时的建议 stop 不在建议列表中（可用：support、keep、improve、reduce、reduce-or-cancel）',
    ]);
  });
});

describe('the finance reviewer decides', () => {
  it('confirms or adjusts with a reason; the state follows', () => {
    expect(decideResultsUse(actor('finance-reviewer'), { departmentId: 7 }, { kind: 'confirm', computed: 'improve', reason: ' 自评属实 ' }, settings)).toEqual({ ok: true, kind: 'confirm', suggestion: 'improve', reason: '自评属实' });
    expect(decideResultsUse(actor('admin'), { departmentId: 7 }, { kind: 'adjust', computed: 'improve', chosen: 'keep', reason: '民生项目' }, settings)).toEqual({ ok: true, kind: 'adjust', suggestion: 'keep', reason: '民生项目' });
    expect([stateOfDecision(null), stateOfDecision('confirm'), stateOfDecision('adjust')]).toEqual(['suggested', 'confirmed', 'adjusted']);
  });

  it('refuses other roles, a missing reason, an unknown or unchanged adjustment, and confirming nothing', () => {
    for (const role of ['unit-editor', 'unit-approver', 'third-party-reviewer'] as const) {
      expect(decideResultsUse(actor(role, 7), { departmentId: 7 }, { kind: 'confirm', computed: 'keep', reason: 'x' }, settings)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const fr = actor('finance-reviewer');
    expect(decideResultsUse(fr, { departmentId: 7 }, { kind: 'confirm', computed: 'keep', reason: '  ' }, settings)).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringMatching(/请填写确认理由/) });
    expect(decideResultsUse(fr, { departmentId: 7 }, { kind: 'adjust', computed: 'keep', chosen: 'double', reason: 'x' }, settings)).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringMatching(/可选：支持、保持/) });
    expect(decideResultsUse(fr, { departmentId: 7 }, { kind: 'adjust', computed: 'keep', chosen: 'keep', reason: 'x' }, settings)).toMatchObject({ ok: false, message: expect.stringMatching(/与系统建议相同/) });
    expect(decideResultsUse(fr, { departmentId: 7 }, { kind: 'confirm', computed: null, reason: 'x' }, settings)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('last year\'s project of a project of next year', () => {
  const last = [
    { unit: '金花街道办事处', project: '社区居民活动费', code: null, id: 1 },
    { unit: '金花街道办事处', project: '家庭综合服务中心经费', code: 'P-2', id: 2 },
    { unit: '金花街道社区卫生服务中心', project: '社区居民活动费', code: null, id: 3 },
  ];
  it('matches within the same unit, by code first, then by name (spaces and full-width forms aside)', () => {
    expect(matchLastYear({ unit: '金花街道办事处', project: '社区居民 活动费', code: null }, last)?.id).toBe(1);
    expect(matchLastYear({ unit: '金花街道社区卫生服务中心', project: '社区居民活动费', code: null }, last)?.id).toBe(3);
    expect(matchLastYear({ unit: '金花街道办事处', project: '家综经费（更名）', code: 'Ｐ-2' }, last)?.id).toBe(2);
  });
  it('does not match another unit\'s project, or a same-named project with another code', () => {
    expect(matchLastYear({ unit: '荔湾区财政局', project: '社区居民活动费', code: null }, last)).toBeNull();
    expect(matchLastYear({ unit: '金花街道办事处', project: '家庭综合服务中心经费', code: 'P-9' }, last)).toBeNull();
  });
});
