import { NATIONAL_MONITORING, ruleSetRef, type MonitoringEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import type { MonitoringReportDto } from './api';
import { completionText, computeLines, saveRequestOf, withBudget, withDeviation, withIndicator, withReport } from './model';

const document = buildDocument({ projects: [buildProject({ name: '社区居民活动', amount: 10 })] });
// Only what the editor reads of a report: its revision, cut-off month, rule set and entries.
const report = {
  id: 7,
  revision: 3,
  cutoffMonth: 6,
  entries: {},
  ruleSet: { id: NATIONAL_MONITORING.id, version: NATIONAL_MONITORING.version, ref: ruleSetRef(NATIONAL_MONITORING), name: NATIONAL_MONITORING.name, settings: NATIONAL_MONITORING.settings },
} as unknown as MonitoringReportDto;

describe('monitoring model', () => {
  const empty = computeLines(report, document, {});
  const budgetKey = empty.budgetLines[0]!.key;
  const indicatorKey = empty.indicatorLines[0]!.key;

  it('recomputes a budget line from what is typed: no execution rate before, half the budget spent after', () => {
    expect(empty.budgetLines[0]!.executionRate).toBeNull();
    expect(empty.incomplete.some((l) => l.key === budgetKey)).toBe(true);
    const typed = computeLines(report, document, withBudget({}, budgetKey, { spent: 5 }));
    expect(typed.budgetLines[0]!.executionRate).toBe(50);
    expect(typed.budgetLines[0]!.light).not.toBeNull();
  });

  it('changes one line of the entries and leaves the others and the original as they were', () => {
    const before: MonitoringEntries = { budget: { other: { spent: 1 } } };
    const after = withBudget(before, budgetKey, { spent: 2 });
    expect(after.budget).toEqual({ other: { spent: 1 }, [budgetKey]: { spent: 2 } });
    expect(before.budget).toEqual({ other: { spent: 1 } });
    expect(withIndicator(after, indicatorKey, { actual: 4 }).indicators).toEqual({ [indicatorKey]: { actual: 4 } });
  });

  it('puts a deviation on the budget line or the indicator line its key names, merging with what was there', () => {
    const onBudget = withDeviation(withDeviation({}, budgetKey, { reason: '项目延期' }), budgetKey, { measures: ['加快进度'] });
    expect(onBudget.budget?.[budgetKey]?.deviation).toEqual({ reason: '项目延期', measures: ['加快进度'] });
    const onIndicator = withDeviation({}, indicatorKey, { reason: '天气原因' });
    expect(onIndicator.indicators?.[indicatorKey]?.deviation).toEqual({ reason: '天气原因' });
    expect(onIndicator.budget).toBeUndefined();
  });

  it('sends every entry with the revision the page showed, and takes the answer as the new report', () => {
    const entries = withBudget({}, budgetKey, { spent: 5 });
    expect(saveRequestOf(report, entries)).toEqual({ baseRevision: 3, entries });
    const next = { ...report, revision: 4 };
    expect(withReport({ report, document }, next)).toEqual({ report: next, document });
  });

  it('says how many lines are still to be filled', () => {
    expect(completionText(empty)).toBe(`${empty.incomplete.length} 行尚未填完`);
    expect(completionText({ ...empty, incomplete: [] })).toBe('各行已填完，可以提交');
  });
});
