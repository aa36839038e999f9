import { dashboardDtoSchema, type DashboardChart, type DashboardDto } from '@jixiao/contract/dashboard';
import { getJson } from '../../lib/http';

export type { DashboardChart, DashboardDto };
export type { CheckRowDto, ConclusionRowDto, ExecutionRowDto, LightRowDto, ScoreRowDto } from '@jixiao/contract/dashboard';

export interface DashboardQuery {
  year?: number;
  departmentId?: number;
}

export function getDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<DashboardDto> {
  return getJson(dashboardDtoSchema, '/api/dashboard', { ...query }, signal);
}

/** One chart's data as a workbook: a plain download (the session cookie goes with it). */
export function chartExportUrl(chart: DashboardChart, query: DashboardQuery): string {
  const q = new URLSearchParams({ chart });
  if (query.year !== undefined) q.set('year', String(query.year));
  if (query.departmentId !== undefined) q.set('departmentId', String(query.departmentId));
  return `/api/dashboard/export.xlsx?${q.toString()}`;
}

/** Query keys of 数据看板 (decision 018). */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  of: (query: DashboardQuery) => ['dashboard', query] as const,
};
