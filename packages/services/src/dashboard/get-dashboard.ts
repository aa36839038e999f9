/**
 * 数据看板 (issue 13 item 3): the year's charts over the person's departments (their list scope, applied in SQL by
 * the store) — district-wide by department, or drilled into one department by project and document. The year is the
 * one asked for, else the latest with data. Each chart is its own query (budget-execution, review-conclusions,
 * self-evaluation-scores); nothing here writes.
 */
import type { DashboardDto } from '@jixiao/contract/dashboard';
import type { Actor } from '@jixiao/core';
import { listScopeOf } from '../access/list-scope';
import { AppError } from '../errors';
import type { CatalogQueries } from '../ports';
import { budgetExecution, type DashboardDeps } from './budget-execution';
import type { DashboardFilter } from './ports';
import { reviewConclusions } from './review-conclusions';
import { selfEvaluationScores } from './self-evaluation-scores';

export interface GetDashboardDeps extends DashboardDeps {
  store: DashboardDeps['store'] & { catalog: Pick<CatalogQueries, 'listDepartmentNames' | 'targetBenchmarks'> };
}

export async function getDashboard(deps: GetDashboardDeps, actor: Actor, input: { year?: number; departmentId?: number }): Promise<DashboardDto> {
  const scope = listScopeOf(actor);
  let department: DashboardDto['department'] = null;
  if (input.departmentId !== undefined) {
    const found = (await deps.store.catalog.listDepartmentNames(scope)).find((d) => d.id === input.departmentId);
    // Another department's id is answered as one that does not exist (decision 010: existence does not leak).
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${input.departmentId} 的部门。`, { departmentId: input.departmentId });
    department = found;
  }
  const filter: DashboardFilter = input.departmentId === undefined ? scope : { ...scope, departmentId: input.departmentId };
  const years = await deps.store.dashboard.dashboardYears(filter);
  const year = input.year ?? years.at(-1) ?? null;
  if (year === null) return { year, years, department, execution: [], executionTotal: null, lights: [], conclusions: { rows: [], reviewed: 0, of: 0 }, scores: [], checks: [] };
  const [{ execution, executionTotal, lights }, { conclusions, checks }, scores] = await Promise.all([
    budgetExecution(deps, filter, year),
    reviewConclusions(deps, filter, year),
    selfEvaluationScores(deps, filter, year),
  ]);
  return { year, years, department, execution, executionTotal, lights, conclusions, scores, checks };
}
