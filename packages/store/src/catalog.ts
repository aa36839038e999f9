/**
 * `CatalogQueries` on drizzle: the browse API's reads. Only current versions are shown (`documents.current_version_id`).
 * Search is `ILIKE` on names (and codes), with `%`, `_` and `\` in the search text taken literally. Totals are
 * summed in SQL `numeric` — exact — and handed over as decimal text (decision 002); services' catalog presenter
 * turns them into the answer's numbers and units. Records, not wire DTOs: the store does not know the contract.
 */
import type { Target } from '@jixiao/core';
import { AppError, type AmountTotals, type CatalogDepartment, type CatalogIndicator, type CatalogProject, type CatalogQueries, type StoredTargetBenchmark } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { departments, indicators, projects, units } from './schema';
import { intArray } from './sql-arrays';
import type { As, SqlRow } from './sql-row';
import { jsonValue } from './sql-values';

/** `%text%` for ILIKE with the wildcard characters of `text` escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * Sums of the projects' amounts, exact, as text — in 万元 (元 ÷ 10000) and in the rows' own units — with their
 * counts, from the current versions' `unit_totals` (alias `t`, unit-totals.ts): a few rows per version instead of
 * every project (issue 12 item 1).
 */
const rolledUpColumns = sql`coalesce(sum(t.project_count), 0)::int as project_count, sum(t.total_wan)::text as total_wan, sum(t.total_raw)::text as total_raw,
  coalesce(bool_and(t.all_yuan), false) as all_yuan, coalesce(sum(t.amount_count), 0)::int as amount_count`;

/** The aggregates of `rolledUpColumns` (no table's row). */
interface TotalsRow {
  total_wan: string | null;
  total_raw: string | null;
  all_yuan: boolean;
  amount_count: number;
}

const totals = (r: TotalsRow): AmountTotals => ({ count: r.amount_count, allYuan: r.all_yuan, sum: r.total_raw, sumInWan: r.total_wan });

/** A department with its counts (aggregates) and years (json_agg: an array, or its text on a driver that does not parse json). */
type DepartmentRow = Pick<SqlRow<typeof departments>, 'id' | 'name'> &
  TotalsRow & { unit_count: number; project_count: number; indicator_count: number; years: number[] | string | null };

type UnitRow = Pick<SqlRow<typeof units>, 'id' | 'department_id' | 'name' | 'code'> & TotalsRow & { project_count: number };

/** A project with its unit's and department's names; `amount` read as text, exact. */
type ProjectRow = Pick<
  SqlRow<typeof projects>,
  'id' | 'unit_id' | 'department_id' | 'document_id' | 'year' | 'no' | 'name' | 'code' | 'amount' | 'amount_unit' | 'category' | 'description' | 'goal' | 'indicator_count'
> &
  As<SqlRow<typeof units>, { unit_name: 'name' }> &
  As<SqlRow<typeof departments>, { department_name: 'name' }>;

type IndicatorRow = Pick<
  SqlRow<typeof indicators>,
  'id' | 'project_id' | 'no' | 'level1' | 'level1_code' | 'level2' | 'level2_code' | 'name' | 'period_target' | 'annual_target' | 'direction' | 'explanation' | 'formula'
>;

function toDepartment(r: DepartmentRow): CatalogDepartment {
  const years = jsonValue<number[]>(r.years) ?? [];
  return { id: r.id, name: r.name, unitCount: r.unit_count, projectCount: r.project_count, indicatorCount: r.indicator_count, amounts: totals(r), years };
}

function toProject(r: ProjectRow): CatalogProject {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    documentId: r.document_id,
    year: r.year,
    no: r.no,
    name: r.name,
    code: r.code,
    amount: r.amount,
    amountUnit: r.amount_unit,
    category: r.category,
    description: r.description,
    goal: r.goal,
    indicatorCount: r.indicator_count,
  };
}

function toIndicator(r: IndicatorRow): CatalogIndicator {
  return {
    id: r.id,
    projectId: r.project_id,
    no: r.no,
    level1: r.level1,
    level1Code: r.level1_code,
    level2: r.level2,
    level2Code: r.level2_code,
    name: r.name,
    periodTarget: jsonValue<Target>(r.period_target),
    annualTarget: jsonValue<Target>(r.annual_target),
    direction: r.direction,
    explanation: r.explanation,
    formula: r.formula,
  };
}

const projectColumns = sql`p.id, p.unit_id, u.name as unit_name, p.department_id, dep.name as department_name, p.document_id, p.year, p.no, p.name, p.code,
  p.amount::text as amount, p.amount_unit, p.category, p.description, p.goal, p.indicator_count`;
const projectFrom = sql`projects p join documents d on d.current_version_id = p.version_id join units u on u.id = p.unit_id join departments dep on dep.id = p.department_id`;

const indicatorColumns = sql`i.id, i.project_id, i.no, i.level1, i.level1_code, i.level2, i.level2_code, i.name, i.period_target, i.annual_target, i.direction, i.explanation, i.formula`;

/** A page in id order: the rows after `after` (keyset; the offset is then ignored), else `offset` rows skipped. */
function pageOf(alias: string, query: { limit?: number; offset?: number; after?: number | undefined }): { where: SQL[]; limit: number; offset: number } {
  const limit = query.limit ?? 50;
  if (query.after !== undefined) return { where: [sql`${sql.raw(alias)}.id > ${query.after}`], limit, offset: 0 };
  return { where: [], limit, offset: query.offset ?? 0 };
}

/** The number of current projects the filters select, from `unit_totals` (no search: a search counts rows). */
function projectTotal(query: Parameters<CatalogQueries['listProjects']>[0]): SQL {
  const where: SQL[] = [];
  if (query.inDepartments) where.push(sql`t.department_id = any(${intArray(query.inDepartments)})`);
  if (query.year !== undefined) where.push(sql`t.year = ${query.year}`);
  if (query.departmentId !== undefined) where.push(sql`t.department_id = ${query.departmentId}`);
  if (query.unitId !== undefined) where.push(sql`t.unit_id = ${query.unitId}`);
  return sql`select coalesce(sum(t.project_count), 0)::int as total from unit_totals t join documents d on d.current_version_id = t.version_id where ${and(where)}`;
}

/** The number of current indicators in the departments and year the filters select, from the versions' counts. */
function indicatorTotal(query: Parameters<CatalogQueries['listIndicators']>[0]): SQL {
  const where: SQL[] = [];
  if (query.inDepartments) where.push(sql`d.department_id = any(${intArray(query.inDepartments)})`);
  if (query.year !== undefined) where.push(sql`d.year = ${query.year}`);
  if (query.departmentId !== undefined) where.push(sql`d.department_id = ${query.departmentId}`);
  return sql`select coalesce(sum(v.indicator_count), 0)::int as total from documents d join document_versions v on v.id = d.current_version_id where ${and(where)}`;
}

export function createCatalogQueries(db: Db): CatalogQueries {
  /**
   * The departments with their counts and totals, each aggregate computed once for all departments (GROUP BY) and
   * joined: per-department subqueries made the planner scan the documents once per department, which grew with the
   * square of the city (issue 12, `npm run bench -- city`). `only` narrows every aggregate to those departments.
   */
  async function departments(where: SQL[], year: number | undefined, only?: readonly number[]): Promise<CatalogDepartment[]> {
    const inYear = (alias: string) => (year === undefined ? sql`true` : sql`${sql.raw(alias)}.year = ${year}`);
    const among = (column: string) => (only ? sql`${sql.raw(column)} = any(${intArray(only)})` : sql`true`);
    if (only) where.push(among('dep.id'));
    if (year !== undefined) where.push(sql`dep.id in (select x.department_id from documents x where x.year = ${year})`);
    const rows = await queryRows<DepartmentRow>(
      db,
      sql`with cur as (
            select d.department_id, d.current_version_id from documents d
            where d.current_version_id is not null and d.department_id is not null and ${among('d.department_id')} and ${inYear('d')}),
          pt as (
            select t.department_id, ${rolledUpColumns} from unit_totals t join cur on cur.current_version_id = t.version_id
            where ${inYear('t')} group by t.department_id),
          -- From the counts each version keeps (issue 12: counting indicator rows per department took 40 s at city scale).
          ic as (select cur.department_id, sum(v.indicator_count)::int as indicator_count from cur join document_versions v on v.id = cur.current_version_id group by cur.department_id),
          uc as (select u.department_id, count(*)::int as unit_count from units u where ${among('u.department_id')} group by u.department_id),
          ys as (select x.department_id, json_agg(distinct x.year order by x.year) as years from documents x where x.year is not null and ${among('x.department_id')} group by x.department_id)
          select dep.id, dep.name, coalesce(uc.unit_count, 0) as unit_count,
            coalesce(pt.project_count, 0) as project_count, pt.total_wan, pt.total_raw, coalesce(pt.all_yuan, false) as all_yuan, coalesce(pt.amount_count, 0) as amount_count,
            coalesce(ic.indicator_count, 0) as indicator_count, coalesce(ys.years, '[]'::json) as years
          from departments dep
          left join pt on pt.department_id = dep.id left join ic on ic.department_id = dep.id
          left join uc on uc.department_id = dep.id left join ys on ys.department_id = dep.id
          where ${and(where)}
          order by dep.name`,
    );
    return rows.map(toDepartment);
  }

  async function projectIndicators(projectId: number): Promise<CatalogIndicator[]> {
    const rows = await queryRows<IndicatorRow>(db, sql`select ${indicatorColumns} from indicators i where i.project_id = ${projectId} order by i.position`);
    return rows.map(toIndicator);
  }

  return {
    async listDepartmentNames(scope = {}) {
      const where = scope.inDepartments ? sql`where id = any(${intArray(scope.inDepartments)})` : sql``;
      return queryRows<{ id: number; name: string }>(db, sql`select id, name from departments ${where} order by name`);
    },

    async listDepartments(query) {
      const where: SQL[] = [];
      if (query.search) where.push(sql`dep.name ilike ${likePattern(query.search)}`);
      return departments(where, query.year, query.inDepartments);
    },

    async getDepartment(id) {
      const [found] = await departments([], undefined, [id]);
      if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的部门。`, { departmentId: id });
      return found;
    },

    async listUnits(query) {
      const where: SQL[] = [sql`u.department_id = ${query.departmentId}`];
      if (query.search) where.push(sql`(u.name ilike ${likePattern(query.search)} or u.code ilike ${likePattern(query.search)})`);
      const rows = await queryRows<UnitRow>(
        db,
        sql`select u.id, u.department_id, u.name, u.code, pt.project_count, pt.total_wan, pt.total_raw, pt.all_yuan, pt.amount_count
            from units u
            cross join lateral (
              select ${rolledUpColumns} from unit_totals t join documents d on d.current_version_id = t.version_id where t.unit_id = u.id
            ) pt
            where ${and(where)} order by u.id`,
      );
      return rows.map((r) => ({ id: r.id, departmentId: r.department_id, name: r.name, code: r.code, projectCount: r.project_count, amounts: totals(r) }));
    },

    async listProjects(query) {
      const where: SQL[] = [];
      if (query.inDepartments) where.push(sql`p.department_id = any(${intArray(query.inDepartments)})`);
      if (query.search) where.push(sql`(p.name ilike ${likePattern(query.search)} or p.code ilike ${likePattern(query.search)})`);
      if (query.year !== undefined) where.push(sql`p.year = ${query.year}`);
      if (query.departmentId !== undefined) where.push(sql`p.department_id = ${query.departmentId}`);
      if (query.unitId !== undefined) where.push(sql`p.unit_id = ${query.unitId}`);
      const page = pageOf('p', query);
      // Without a search the total comes from the stored unit totals (exact, a few rows per version); a search counts
      // the matching rows.
      const [count] = await queryRows<{ total: number }>(db, query.search ? sql`select count(*)::int as total from ${projectFrom} where ${and(where)}` : projectTotal(query));
      const rows = await queryRows<ProjectRow>(
        db,
        sql`select ${projectColumns} from ${projectFrom} where ${and([...where, ...page.where])} order by p.id limit ${page.limit} offset ${page.offset}`,
      );
      return { items: rows.map(toProject), total: count?.total ?? 0 };
    },

    async getProject(id) {
      const [row] = await queryRows<ProjectRow>(db, sql`select ${projectColumns} from ${projectFrom} where p.id = ${id}`);
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的项目（它可能属于已被新版本替换的文档）。`, { projectId: id });
      return { ...toProject(row), indicators: await projectIndicators(id) };
    },

    async indicatorLibrary(query) {
      const where: SQL[] = [sql`w.approved_version is not null`];
      if (query.search) where.push(sql`i.name ilike ${likePattern(query.search)}`);
      if (query.level2) where.push(sql`i.level2 = ${query.level2}`);
      const value = sql`(i.annual_target->>'value')::numeric`;
      const numeric = sql`jsonb_typeof(i.annual_target->'value') = 'number'`;
      const quartile = (q: number) => sql`(percentile_cont(${q}::float8) within group (order by ${value}) filter (where ${numeric}))::numeric(18,4)::text`;
      const rows = await queryRows<{ name: string; level1: string | null; level2: string | null; unit: string | null; direction: string | null; count: number; departments: number; years: number[] | string; valued: number; min: string | null; p25: string | null; median: string | null; p75: string | null; max: string | null }>(
        db,
        sql`select i.name, i.level1, i.level2, i.annual_target->>'unit' as unit, i.direction,
              count(*)::int as count, count(distinct i.department_id)::int as departments,
              json_agg(distinct i.year) filter (where i.year is not null)::text as years,
              count(*) filter (where ${numeric})::int as valued,
              (min(${value}) filter (where ${numeric}))::text as min, ${quartile(0.25)} as p25, ${quartile(0.5)} as median, ${quartile(0.75)} as p75,
              (max(${value}) filter (where ${numeric}))::text as max
            from indicators i
            join document_workflow w on w.document_id = i.document_id
            join document_versions v on v.document_id = w.document_id and v.version = w.approved_version and v.id = i.version_id
            where ${and(where)}
            group by i.name, i.level1, i.level2, i.annual_target->>'unit', i.direction
            order by count(*) desc, i.name
            limit ${query.limit}`,
      );
      return rows.map((r) => ({ ...r, years: (typeof r.years === 'string' ? (JSON.parse(r.years) as number[]) : (r.years ?? [])).sort((a, b) => a - b) }));
    },

    async targetBenchmarks(query) {
      if (query.names.length === 0) return [];
      const value = sql`(i.annual_target->>'value')::numeric`;
      const quartile = (q: number) => sql`(percentile_cont(${q}::float8) within group (order by ${value}))::numeric(18,4)::text`;
      return queryRows<StoredTargetBenchmark>(
        db,
        sql`select i.name, coalesce(i.annual_target->>'unit', '') as unit, count(*)::int as count, count(distinct i.department_id)::int as departments,
              min(${value})::text as min, ${quartile(0.25)} as p25, ${quartile(0.5)} as median, ${quartile(0.75)} as p75, max(${value})::text as max
            from indicators i
            join document_workflow w on w.document_id = i.document_id
            join document_versions v on v.document_id = w.document_id and v.version = w.approved_version and v.id = i.version_id
            where i.name in (select jsonb_array_elements_text(${JSON.stringify([...new Set(query.names)])}::jsonb))
              and i.document_id <> ${query.excludeDocumentId}
              and jsonb_typeof(i.annual_target->'value') = 'number'
            group by i.name, coalesce(i.annual_target->>'unit', '')`,
      );
    },

    async listIndicators(query) {
      const where: SQL[] = [];
      if (query.search) where.push(sql`i.name ilike ${likePattern(query.search)}`);
      if (query.inDepartments) where.push(sql`i.department_id = any(${intArray(query.inDepartments)})`);
      if (query.year !== undefined) where.push(sql`i.year = ${query.year}`);
      if (query.departmentId !== undefined) where.push(sql`i.department_id = ${query.departmentId}`);
      if (query.unitId !== undefined) where.push(sql`i.unit_id = ${query.unitId}`);
      if (query.projectId !== undefined) where.push(sql`i.project_id = ${query.projectId}`);
      const from = sql`indicators i join documents d on d.current_version_id = i.version_id`;
      const page = pageOf('i', query);
      // Without a search, a unit or a project, the total is the current versions' stored indicator counts.
      const byVersions = !query.search && query.unitId === undefined && query.projectId === undefined;
      const [count] = await queryRows<{ total: number }>(db, byVersions ? indicatorTotal(query) : sql`select count(*)::int as total from ${from} where ${and(where)}`);
      const rows = await queryRows<IndicatorRow>(
        db,
        sql`select ${indicatorColumns} from ${from} where ${and([...where, ...page.where])} order by i.id limit ${page.limit} offset ${page.offset}`,
      );
      return { items: rows.map(toIndicator), total: count?.total ?? 0 };
    },
  };
}
