/**
 * 绩效运行监控表 (.xlsx or .docx) of a stored monitoring report: the lines computed by the core from the stored
 * entries with the report's frozen rule set — the same figures the web page shows.
 */
import { outputFormatsOf } from '@jixiao/contract';
import { writeMonitoringTable, writeMonitoringTableDocx } from '@jixiao/formats';
import { loadMonitoring, type MonitoringDeps } from './monitoring-state';
import { EXPORT_FORMATS, type MonitoringExportFormat, type RenderedFile } from '../output-formats/render-formats';
import { MONITORING_STATUS_LABELS } from './save-monitoring';

export const MONITORING_EXPORT_FORMATS: readonly MonitoringExportFormat[] = outputFormatsOf('monitoring').map((f) => f.id);

export function isMonitoringFormat(format: string): format is MonitoringExportFormat {
  return (MONITORING_EXPORT_FORMATS as readonly string[]).includes(format);
}

export async function renderMonitoringTable(deps: MonitoringDeps, input: { id: number; format: MonitoringExportFormat }): Promise<RenderedFile> {
  const state = await loadMonitoring(deps, input.id);
  const { document, evaluation } = state;
  const department = document.department ?? state.summary.department ?? document.units[0]?.name ?? null;
  const year = Number(evaluation.period.slice(0, 4));
  const table = {
    department,
    unit: document.units.length === 1 ? document.units[0]!.name : null,
    year,
    result: state.result,
    ruleSetName: state.ruleSet.name,
    status: MONITORING_STATUS_LABELS[evaluation.status] ?? evaluation.status,
    updatedBy: evaluation.updatedBy,
  };
  const bytes = input.format === 'monitoring-table' ? await writeMonitoringTable(table) : await writeMonitoringTableDocx(table);
  const who = (department ?? '未注明部门').replace(/[\\/:*?"<>|\s]+/g, '');
  const { extension, mediaType } = EXPORT_FORMATS[input.format];
  return { format: input.format, fileName: `${who}${year}年1-${state.cutoffMonth}月绩效运行监控表${extension}`, mediaType, bytes };
}
