/**
 * The wire schemas of rule sets and scores (issue 11 item 3): derived from the core's settings tables, they carry
 * every built-in rule set and a real score through a parse unchanged, and refuse a value of the wrong shape.
 */
import { BUILTIN_RULE_SETS, NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_PROJECT_SELF_EVALUATION, RULE_SCHEMES, applyEntries, scoreSelfEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildIndicator, buildProject } from '../../core/src/testing/builders';
import { selfEvaluationScoreSchema } from './score';
import { ruleSetSchema, SETTINGS_SCHEMAS } from './settings';

describe('rule sets on the wire', () => {
  it('has a settings schema for every scheme the core validates', () => {
    expect(Object.keys(SETTINGS_SCHEMAS).sort()).toEqual([...RULE_SCHEMES].sort());
  });

  it('carries every built-in rule set through a parse unchanged', () => {
    expect(BUILTIN_RULE_SETS.length).toBeGreaterThanOrEqual(4);
    for (const ruleSet of BUILTIN_RULE_SETS) {
      expect(ruleSetSchema.parse(structuredClone(ruleSet))).toEqual(ruleSet);
      expect(SETTINGS_SCHEMAS[ruleSet.scheme].parse(structuredClone(ruleSet.settings))).toEqual(ruleSet.settings);
    }
  });

  it('keeps settings the table does not name (the wire never dropped any), and refuses a wrong shape naming the setting', () => {
    const settings = { ...structuredClone(NATIONAL_PROJECT_SELF_EVALUATION.settings), localNote: '荔湾区试行' };
    expect(SETTINGS_SCHEMAS['project-self-evaluation'].parse(settings)).toMatchObject({ localNote: '荔湾区试行' });
    const wrong = SETTINGS_SCHEMAS['project-self-evaluation'].safeParse({ ...settings, weights: { ...settings.weights, execution: '10' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['weights', 'execution']);
    const steps = SETTINGS_SCHEMAS['project-self-evaluation'].safeParse({ ...settings, execution: { mode: 'steps', steps: [{ minRate: 90, fraction: 1 }] } });
    expect(steps.success).toBe(true);
    expect(SETTINGS_SCHEMAS['project-self-evaluation'].safeParse({ ...settings, execution: { mode: 'tiers' } }).success).toBe(false);
    // A monitoring rule set's settings are not a project's.
    expect(ruleSetSchema.safeParse({ ...structuredClone(NATIONAL_PROJECT_SELF_EVALUATION), scheme: 'monitoring' }).success).toBe(false);
  });
});

describe('self-evaluation scores on the wire', () => {
  const target = buildDocument({
    kind: 'project-self-evaluation',
    projects: [buildProject({ name: '社区活动', amount: 12.34, indicators: [{ name: '活动次数', annual: '≥10次' }, { name: '群众满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度指标' }] })],
  });

  it('carries a project score, with every line, reason and difference, through a parse unchanged', () => {
    const document = applyEntries(target, { indicators: { 'u0.p0.i0': { actual: '12次' }, 'u0.p0.i1': { actual: '95%' } }, budgets: { 'u0.p0': { adjusted: 12.34, spent: 10 } } });
    const score = scoreSelfEvaluation(document, null, NATIONAL_PROJECT_SELF_EVALUATION);
    expect(score.scope).toBe('project');
    const parsed = selfEvaluationScoreSchema.parse(structuredClone(score));
    expect(parsed).toEqual(score);
    expect(parsed.scope === 'project' && parsed.projects[0]!.score.lines.length).toBe(2);
  });

  it('carries a department score through a parse unchanged', () => {
    const doc = buildDocument({
      kind: 'department-self-evaluation',
      budget: { initial: 100, adjustment: 20, adjusted: null, spent: 108, bySource: [] },
      keyTasks: [{ name: '党建', content: null, funds: 10, expected: null, projects: [], weight: 5, indicators: [{ ...buildIndicator({ name: '阵地建设', annual: '确保落到实处' }, 1), weight: 5, score: 4.5, actual: { text: '已完成', op: null, value: null, unit: null } }] }],
    });
    const score = scoreSelfEvaluation(doc, { tier: 'achieved' }, NATIONAL_DEPARTMENT_SELF_EVALUATION);
    expect(score.scope).toBe('department');
    expect(selfEvaluationScoreSchema.parse(structuredClone(score))).toEqual(score);
    expect(selfEvaluationScoreSchema.safeParse({ ...score, scope: 'unit' }).success).toBe(false);
  });
});
