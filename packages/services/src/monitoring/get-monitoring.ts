/** A monitoring report with every line computed by the core, and the list of a document's (or all) reports. */
import type { MonitoringReportDto, MonitoringSummaryDto } from '@jixiao/contract';
import { loadMonitoring, toMonitoringDto, toMonitoringSummary, type MonitoringDeps } from './monitoring-state';

export async function getMonitoring(deps: MonitoringDeps, input: { id: number }): Promise<MonitoringReportDto> {
  return toMonitoringDto(await loadMonitoring(deps, input.id));
}

export async function listMonitoring(deps: Pick<MonitoringDeps, 'store'>, input: { documentId?: number } = {}): Promise<MonitoringSummaryDto[]> {
  const rows = await deps.store.evaluations.listEvaluations({ kind: 'monitoring', ...(input.documentId !== undefined ? { documentId: input.documentId } : {}) });
  return rows.map(toMonitoringSummary);
}
