/**
 * 数据看板, budget execution and lights: every target document's latest monitoring report (one read of the store),
 * computed by the core as the monitoring page computes it (`monitorDocument` with the report's frozen rule set), then
 * summed by department (core `executionByDepartment`, `countsByDepartment`) — or, drilled into one department, shown
 * by project (budget lines) and by report (lights).
 */
import type { DashboardDto, ExecutionRowDto, LightRowDto } from '@jixiao/contract/dashboard';
import { executionByDepartment, inWan, LIGHT_KEYS, monitorDocument, countsByDepartment, roundHalfUp, type MonitoringResult, type MonitoringSettings, type RuleSet } from '@jixiao/core';
import { monitoringRuleSet, parsePeriod, readEntries } from '../monitoring/monitoring-state';
import type { RuleSetDeps } from '../rule-sets/rule-sets';
import type { DashboardFilter, DashboardMonitoring, DashboardProjectRef, DashboardQueries } from './ports';

export interface DashboardDeps extends RuleSetDeps {
  store: RuleSetDeps['store'] & { dashboard: DashboardQueries };
}

interface Monitored {
  report: DashboardMonitoring;
  cutoffMonth: number;
  result: MonitoringResult;
}

const noLinks = { departmentId: null, projectId: null, documentId: null, evaluationId: null };

/** The project's page, found among the document's current projects by unit and name (null when it was renamed since). */
export const projectIdOf = (projects: readonly DashboardProjectRef[], unit: string | null, name: string | null): number | null =>
  projects.find((p) => p.name === name && (unit === null || p.unit === unit))?.id ?? projects.find((p) => p.name === name)?.id ?? null;

async function monitored(deps: DashboardDeps, filter: DashboardFilter, year: number): Promise<Monitored[]> {
  const reports = await deps.store.dashboard.latestMonitoring({ ...filter, year });
  const ruleSets = new Map<string, Promise<RuleSet<MonitoringSettings>>>();
  const out: Monitored[] = [];
  for (const report of reports) {
    // A report whose saved entries cannot be read is left out rather than failing the whole page.
    let stored: ReturnType<typeof readEntries>;
    try {
      stored = readEntries({ id: report.evaluationId, entries: report.entries });
    } catch {
      continue;
    }
    if (!ruleSets.has(stored.ruleSet)) ruleSets.set(stored.ruleSet, monitoringRuleSet(deps, stored.ruleSet));
    const ruleSet = await ruleSets.get(stored.ruleSet)!;
    const { cutoffMonth } = parsePeriod(report.period);
    out.push({ report, cutoffMonth, result: monitorDocument({ document: report.document, entries: stored.entries, cutoffMonth, ruleSet }) });
  }
  return out;
}

export interface BudgetExecution {
  execution: ExecutionRowDto[];
  executionTotal: DashboardDto['executionTotal'];
  lights: LightRowDto[];
}

const totalLineOf = ({ report, cutoffMonth, result }: Monitored) => ({ departmentId: report.departmentId, department: report.department, budget: result.total.budget, spent: result.total.spent, amountUnit: result.amountUnit, cutoffMonth });

/** Every report as one (the page's 合计): the same exact sum, under one key. */
function totalOf(reports: readonly Monitored[]): DashboardDto['executionTotal'] {
  const [all] = executionByDepartment(reports.map((r) => ({ ...totalLineOf(r), departmentId: 0, department: '合计' })));
  return all ? { reports: all.reports, budgetWan: all.budgetWan, spentWan: all.spentWan, executionRate: all.executionRate, cutoffMonth: all.cutoffMonth, timeProgress: all.timeProgress } : null;
}

export async function budgetExecution(deps: DashboardDeps, filter: DashboardFilter, year: number): Promise<BudgetExecution> {
  const reports = await monitored(deps, filter, year);
  const executionTotal = totalOf(reports);
  if (filter.departmentId !== undefined) return { ...byProject(reports), executionTotal };
  const execution = executionByDepartment(reports.map(totalLineOf)).map(
    (d): ExecutionRowDto => ({ ...noLinks, key: `d-${d.departmentId}`, label: d.department, departmentId: d.departmentId, reports: d.reports, budgetWan: d.budgetWan, spentWan: d.spentWan, executionRate: d.executionRate, cutoffMonth: d.cutoffMonth, timeProgress: d.timeProgress, gap: d.gap, light: null }),
  );
  const lights = countsByDepartment(
    LIGHT_KEYS,
    reports.map(({ report, result }) => ({ departmentId: report.departmentId, department: report.department, counts: result.counts })),
  ).map((d): LightRowDto => ({ ...noLinks, key: `d-${d.departmentId}`, label: d.department, departmentId: d.departmentId, ...d.counts }));
  return { execution, executionTotal, lights };
}

/** One department: a row per project's budget line, and the lights of each report. */
function byProject(reports: readonly Monitored[]): { execution: ExecutionRowDto[]; lights: LightRowDto[] } {
  const execution: ExecutionRowDto[] = [];
  const lights: LightRowDto[] = [];
  for (const { report, cutoffMonth, result } of reports) {
    const links = { departmentId: report.departmentId, documentId: report.documentId, evaluationId: report.evaluationId };
    for (const line of result.budgetLines) {
      execution.push({
        ...links,
        key: `${report.evaluationId}-${line.key}`,
        label: line.label,
        projectId: projectIdOf(report.projects, line.unit, line.project),
        reports: 1,
        budgetWan: inWan(line.budget, result.amountUnit),
        spentWan: inWan(line.spent, result.amountUnit),
        executionRate: line.executionRate,
        cutoffMonth,
        timeProgress: line.timeProgress,
        gap: line.executionRate == null ? null : roundHalfUp(line.executionRate - line.timeProgress, 2),
        light: line.light,
      });
    }
    lights.push({ ...links, key: `e-${report.evaluationId}`, label: report.title, projectId: null, red: result.counts.red, yellow: result.counts.yellow, green: result.counts.green, blue: result.counts.blue });
  }
  execution.sort((a, b) => (b.budgetWan ?? -1) - (a.budgetWan ?? -1));
  return { execution, lights };
}
