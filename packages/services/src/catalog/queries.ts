/** The browse reads the routes and the CLI call: the store's catalog records, presented as the wire's DTOs. */
import type { DepartmentDto, IndicatorDto, IndicatorLibraryQuery, LibraryIndicatorDto, ProjectDetailDto, ProjectDto, SearchQuery, UnitDto } from '@jixiao/contract';
import type { CatalogQueries, InScope } from '../ports';
import { presentDepartment, presentIndicator, presentProject, presentProjectDetail, presentUnit } from './present';

type CatalogDeps = { store: { catalog: CatalogQueries } };

export async function listDepartments(deps: CatalogDeps, query: Pick<SearchQuery, 'search' | 'year'> & InScope): Promise<DepartmentDto[]> {
  return (await deps.store.catalog.listDepartments(query)).map(presentDepartment);
}

/** Throws NOT_FOUND. */
export async function getDepartment(deps: CatalogDeps, id: number): Promise<DepartmentDto> {
  return presentDepartment(await deps.store.catalog.getDepartment(id));
}

export async function listUnits(deps: CatalogDeps, query: { departmentId: number; search?: string }): Promise<UnitDto[]> {
  return (await deps.store.catalog.listUnits(query)).map(presentUnit);
}

/** One page of the current projects matching the query, and how many match in all. */
export async function searchProjects(deps: CatalogDeps, query: SearchQuery & InScope): Promise<{ items: ProjectDto[]; total: number }> {
  const page = await deps.store.catalog.listProjects(query);
  return { items: page.items.map(presentProject), total: page.total };
}

/** Throws NOT_FOUND (also for a project of a replaced version). */
export async function getProject(deps: CatalogDeps, id: number): Promise<ProjectDetailDto> {
  return presentProjectDetail(await deps.store.catalog.getProject(id));
}

/** One page of the current indicators matching the query, and how many match in all. */
export async function searchIndicators(deps: CatalogDeps, query: SearchQuery & { projectId?: number } & InScope): Promise<{ items: IndicatorDto[]; total: number }> {
  const page = await deps.store.catalog.listIndicators(query);
  return { items: page.items.map(presentIndicator), total: page.total };
}

/** An exact decimal without trailing zeros (`95.0000` → `95`, `92.5000` → `92.5`). */
const trimDecimal = (v: string | null) => (v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v);

/**
 * 指标库: every indicator of approved targets across departments and years, grouped by name, levels and unit, with
 * the spread of its numeric target values — what comparable units set. Aggregates only: no department is named.
 */
export async function indicatorLibrary(deps: CatalogDeps, query: IndicatorLibraryQuery): Promise<LibraryIndicatorDto[]> {
  const rows = await deps.store.catalog.indicatorLibrary({ limit: query.limit, ...(query.search ? { search: query.search } : {}), ...(query.level2 ? { level2: query.level2 } : {}) });
  return rows.map((r) => ({ ...r, min: trimDecimal(r.min), p25: trimDecimal(r.p25), median: trimDecimal(r.median), p75: trimDecimal(r.p75), max: trimDecimal(r.max) }));
}
