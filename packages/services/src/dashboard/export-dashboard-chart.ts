/** One chart's data of the dashboard as a workbook (.xlsx): the same query as the page, the table it shows. */
import type { DashboardChart } from '@jixiao/contract/dashboard';
import type { Actor } from '@jixiao/core';
import { writeTableWorkbook } from '@jixiao/formats';
import { chartTable } from './chart-table';
import { getDashboard, type GetDashboardDeps } from './get-dashboard';

export async function exportDashboardChart(deps: GetDashboardDeps, actor: Actor, input: { year?: number; departmentId?: number; chart: DashboardChart }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const table = chartTable(await getDashboard(deps, actor, input), input.chart);
  return { fileName: `${table.title.replace(/\s+/g, '-')}.xlsx`, bytes: await writeTableWorkbook(table) };
}
