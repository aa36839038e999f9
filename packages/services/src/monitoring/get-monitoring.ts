/** A monitoring report with every line computed by the core, and the list of a document's (or all) reports. */
import type { MonitoringReportDto, MonitoringSummaryDto } from '@jixiao/contract';
import type { InScope } from '../ports';
import { loadMonitoring, toMonitoringDto, toMonitoringSummary, type MonitoringDeps } from './monitoring-state';

export async function getMonitoring(deps: MonitoringDeps, input: { id: number }): Promise<MonitoringReportDto> {
  return toMonitoringDto(await loadMonitoring(deps, input.id));
}

/** The reports of the documents in scope (`inDepartments`, applied in the query). */
export async function listMonitoring(deps: Pick<MonitoringDeps, 'store'>, input: { documentId?: number } & InScope = {}): Promise<MonitoringSummaryDto[]> {
  const rows = await deps.store.evaluations.listEvaluations({ ...input, kind: 'monitoring' });
  return rows.map(toMonitoringSummary);
}
