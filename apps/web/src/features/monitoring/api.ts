import {
  documentSchema,
  listOf,
  monitoringReportDtoSchema,
  monitoringSummaryDtoSchema,
  type CreateMonitoringRequest,
  type MonitoringReportDto,
  type MonitoringSummaryDto,
  type SaveMonitoringRequest,
  type SubmitMonitoringRequest,
  monitoringWarningsDtoSchema,
  type MonitoringWarningsDto,
  type WarningResponseRequest,
  outputFormatsOf,
} from '@jixiao/contract';
import { getJson, sendJson } from '../../lib/http';
import type { InterchangeDocument } from '../import';

export type { MonitoringReportDto, MonitoringSummaryDto, MonitoringWarningsDto };

export async function listMonitoring(signal?: AbortSignal): Promise<MonitoringSummaryDto[]> {
  return (await getJson(listOf(monitoringSummaryDtoSchema), '/api/monitoring', {}, signal)).items;
}

export function getMonitoring(id: number, signal?: AbortSignal): Promise<MonitoringReportDto> {
  return getJson(monitoringReportDtoSchema, `/api/monitoring/${id}`, {}, signal);
}

/** The target document at the version the report is measured against (not necessarily the current one). */
export function getTargetDocument(documentId: number, version: number, signal?: AbortSignal): Promise<InterchangeDocument> {
  return getJson(documentSchema, `/api/documents/${documentId}`, { version }, signal);
}

export function startMonitoring(body: CreateMonitoringRequest): Promise<MonitoringReportDto> {
  return sendJson(monitoringReportDtoSchema, 'POST', '/api/monitoring', body);
}

export function saveMonitoring(id: number, body: SaveMonitoringRequest): Promise<MonitoringReportDto> {
  return sendJson(monitoringReportDtoSchema, 'PUT', `/api/monitoring/${id}/entries`, body);
}

export function submitMonitoring(id: number, body: SubmitMonitoringRequest): Promise<MonitoringReportDto> {
  return sendJson(monitoringReportDtoSchema, 'POST', `/api/monitoring/${id}/submit`, body);
}

/** The warnings raised when the report was submitted, with where each stands (decision 038). */
export function getMonitoringWarnings(id: number, signal?: AbortSignal): Promise<MonitoringWarningsDto> {
  return getJson(monitoringWarningsDtoSchema, `/api/monitoring/${id}/warnings`, {}, signal);
}

export function respondToWarning(id: number, body: WarningResponseRequest): Promise<MonitoringWarningsDto> {
  return sendJson(monitoringWarningsDtoSchema, 'POST', `/api/monitoring/${id}/warning-responses`, body);
}

/** The 绩效运行监控表 downloads of a report, one per format of the contract's registry made from a monitoring report. */
export const TABLE_FORMATS = outputFormatsOf('monitoring');

export const STATUS_LABELS: Record<MonitoringSummaryDto['status'], string> = { draft: '填报中', submitted: '已提交', 'in-review': '审核中', returned: '已退回', done: '已完成' };

/** Query keys of monitoring (decision 018). */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  list: () => ['monitoring', 'list'] as const,
  /** A report together with the target document at the version it is measured against (the editor's server state). */
  detail: (id: number) => ['monitoring', id] as const,
  /** A report's warnings at a revision (a submit makes a new revision, and may raise warnings). */
  warnings: (id: number, revision: number) => ['monitoring', id, 'warnings', revision] as const,
};
