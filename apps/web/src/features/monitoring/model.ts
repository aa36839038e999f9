/**
 * The editor's pure part: the rule set the server named (with its settings, so the browser computes with exactly
 * the same lists and bands), the lines recomputed by the core from the typed entries, and immutable updates of
 * one line's entry.
 */
import type { MonitoringReportDto, SaveMonitoringRequest } from '@jixiao/contract';
import { monitorDocument, type Light, type MonitoringDeviation, type MonitoringEntries, type MonitoringResult, type MonitoringSettings, type PerformanceDocument, type RuleSet } from '@jixiao/core';

export function ruleSetOf(report: MonitoringReportDto): RuleSet<MonitoringSettings> {
  const r = report.ruleSet;
  return { id: r.id, version: r.version, scheme: 'monitoring', name: r.name, region: '', years: { from: null, to: null }, sources: [], settings: r.settings };
}

export function computeLines(report: MonitoringReportDto, document: PerformanceDocument, entries: MonitoringEntries): MonitoringResult {
  return monitorDocument({ document, entries, cutoffMonth: report.cutoffMonth, ruleSet: ruleSetOf(report) });
}

type BudgetEntry = NonNullable<MonitoringEntries['budget']>[string];
type IndicatorEntry = NonNullable<MonitoringEntries['indicators']>[string];

export function withBudget(entries: MonitoringEntries, key: string, patch: Partial<BudgetEntry>): MonitoringEntries {
  return { ...entries, budget: { ...entries.budget, [key]: { ...entries.budget?.[key], ...patch } } };
}

export function withIndicator(entries: MonitoringEntries, key: string, patch: Partial<IndicatorEntry>): MonitoringEntries {
  return { ...entries, indicators: { ...entries.indicators, [key]: { ...entries.indicators?.[key], ...patch } } };
}

/** The deviation of a line, changed (budget keys start with `p-`, indicator keys with `i-`). */
export function withDeviation(entries: MonitoringEntries, key: string, patch: Partial<MonitoringDeviation>): MonitoringEntries {
  if (key.startsWith('p-')) return withBudget(entries, key, { deviation: { ...entries.budget?.[key]?.deviation, ...patch } });
  return withIndicator(entries, key, { deviation: { ...entries.indicators?.[key]?.deviation, ...patch } });
}

export const LIGHT_COLORS: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue' };
export { LIGHT_NAMES as LIGHT_WORDS } from '@jixiao/core';

/** A line needs its deviation cells filled when it has a light that is not green. */
export const needsDeviation = (light: Light | null) => light !== null && light !== 'green';

// ——— The editor's server state and what a save sends ———

/** What the editor loads: the report, and the target document at the version it is measured against. */
export interface MonitoringEditorState {
  report: MonitoringReportDto;
  document: PerformanceDocument;
}

/** The state after the server answered a save or a submit: its report; the target version does not move. */
export const withReport = (state: MonitoringEditorState, report: MonitoringReportDto): MonitoringEditorState => ({ ...state, report });

/** A save sends every entry with the revision the page showed (a stale revision is refused with who and when). */
export const saveRequestOf = (report: MonitoringReportDto, entries: MonitoringEntries): SaveMonitoringRequest => ({ baseRevision: report.revision, entries });

/** What the summary bar says of the lines still to be filled. */
export const completionText = (result: MonitoringResult): string => (result.incomplete.length ? `${result.incomplete.length} 行尚未填完` : '各行已填完，可以提交');
