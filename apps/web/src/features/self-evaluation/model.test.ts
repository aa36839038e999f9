import { NATIONAL_PROJECT_SELF_EVALUATION, ruleSetRef, type SelfEvaluationEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import type { SelfEvaluationDto } from './api';
import { entriesOf, liveScoreOf, projectOptions, summaryOf, visibleLines, withBudgetEntry, withGoalTier, withIndicatorEntry } from './model';

const target = buildDocument({ projects: [buildProject({ name: '社区居民活动', amount: 10 }), buildProject({ name: '长者饭堂', amount: 20 })] });
const empty: SelfEvaluationEntries = { indicators: {}, budgets: {} };
// Only what the editor reads of a self-evaluation: the frozen targets, the entries and the rule set, whole.
const dto = {
  revision: 2,
  target,
  entries: empty,
  ruleSet: { ref: ruleSetRef(NATIONAL_PROJECT_SELF_EVALUATION), name: NATIONAL_PROJECT_SELF_EVALUATION.name, value: NATIONAL_PROJECT_SELF_EVALUATION },
} as unknown as SelfEvaluationDto;

describe('self-evaluation model: entries', () => {
  it('starts the copy from the stored entries', () => {
    expect(entriesOf(dto)).toBe(empty);
  });

  it('changes one indicator or budget line, merging with what was typed there, leaving the original untouched', () => {
    const a = withIndicatorEntry(empty, 'u0.p0.i0', { actual: '12次' });
    const b = withIndicatorEntry(a, 'u0.p0.i0', { deviationReason: '按计划完成' });
    expect(b.indicators).toEqual({ 'u0.p0.i0': { actual: '12次', deviationReason: '按计划完成' } });
    expect(withBudgetEntry(b, 'u0.p1', { spent: 18 }).budgets).toEqual({ 'u0.p1': { spent: 18 } });
    expect(empty).toEqual({ indicators: {}, budgets: {} });
  });

  it('drops a typed goal score when a tier is chosen (the tier sets the band)', () => {
    const typed: SelfEvaluationEntries = { ...empty, goal: { tier: 'partly', score: 12, completion: '基本完成' } };
    expect(withGoalTier(typed, 'achieved').goal).toEqual({ tier: 'achieved', score: null, completion: '基本完成' });
  });
});

describe('self-evaluation model: the live score and what the score bar shows', () => {
  it('offers each project, and shows its own lines only', () => {
    const live = liveScoreOf(dto, empty);
    expect(projectOptions(live.score)).toEqual([
      { value: 'u0.p0', label: '社区居民活动' },
      { value: 'u0.p1', label: '长者饭堂' },
    ]);
    const { slots, budgets } = visibleLines(live, 'u0.p1');
    expect(slots.length).toBe(3);
    expect(slots.every((s) => s.budgetKey === 'u0.p1')).toBe(true);
    expect(budgets.map((b) => b.key)).toEqual(['u0.p1']);
  });

  it('recomputes the chosen project’s execution rate from the typed spending, the other project unchanged', () => {
    const before = liveScoreOf(dto, empty);
    expect(summaryOf(before.score, 'u0.p1')?.rate ?? null).toBeNull();
    const after = liveScoreOf(dto, withBudgetEntry(empty, 'u0.p1', { spent: 15 }));
    expect(summaryOf(after.score, 'u0.p1')?.rate).toBe(75);
    expect(summaryOf(after.score, 'u0.p0')?.rate ?? null).toBeNull();
    expect(summaryOf(after.score, 'u9.p9')).toBeUndefined();
  });

  it('totals a fully entered project and grades it', () => {
    let entries = withBudgetEntry(empty, 'u0.p0', { spent: 10 });
    for (const [i, actual] of ['12次', '90%', '90%'].entries()) entries = withIndicatorEntry(entries, `u0.p0.i${i}`, { actual });
    const summary = summaryOf(liveScoreOf(dto, entries).score, 'u0.p0');
    expect(summary?.rate).toBe(100);
    expect(summary?.total).toBeGreaterThan(0);
    expect(summary?.grade).not.toBeNull();
  });
});
