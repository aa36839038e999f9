/**
 * The dashboard's reads (services `dashboard/ports.ts`, 数据看板 issue 13 item 3): each one statement over the
 * documents in scope (`inDepartments`, and `departmentId` when drilled down, both in SQL) — the current documents
 * with their content and projects, every target document's latest monitoring report (`distinct on`), every
 * self-evaluation's latest kept score (`distinct on`, on `evaluation_scores_evaluation_idx`), and the reviewers'
 * decisions on a set of documents. Nothing is read per document.
 */
import type { DashboardFilter, DashboardProjectRef, DashboardQueries } from '@jixiao/services';
import type { DocumentKind } from '@jixiao/core';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import { decisionColumns, toDecision, type DecisionRow } from './review-store';
import type { departments, documents, documentVersions, evaluations, evaluationScores } from './schema';
import { intArray } from './sql-arrays';
import type { As, SqlRow } from './sql-row';
import { jsonValue } from './sql-values';
import { unpackContent } from './stored-content';

type DocumentRow = Pick<SqlRow<typeof documents>, 'id' | 'kind' | 'title' | 'year'> &
  As<SqlRow<typeof documents>, { department_id: 'department_id' }> &
  As<SqlRow<typeof departments>, { department: 'name' }> &
  Pick<SqlRow<typeof documentVersions>, 'version' | 'sha256' | 'content'> & { projects: string | null; total: number };

type MonitoringRow = As<SqlRow<typeof evaluations>, { evaluation_id: 'id'; document_id: 'document_id'; period: 'period'; entries: 'entries' }> &
  Pick<SqlRow<typeof documents>, 'title' | 'department_id'> &
  As<SqlRow<typeof departments>, { department: 'name' }> &
  Pick<SqlRow<typeof documentVersions>, 'content'> & { projects: string | null };

type ScoreRow = As<SqlRow<typeof evaluationScores>, { evaluation_id: 'evaluation_id'; total: 'total'; grade: 'grade' }> &
  As<SqlRow<typeof evaluations>, { document_id: 'document_id'; period: 'period' }> &
  Pick<SqlRow<typeof documents>, 'title' | 'department_id'> &
  As<SqlRow<typeof departments>, { department: 'name' }>;

/** The filter on `d` (documents): a department's, in scope, the one department when drilled down. */
function shown(f: DashboardFilter): SQL {
  const inScope = f.inDepartments ? sql`d.department_id = any(${intArray(f.inDepartments)})` : sql`true`;
  const one = f.departmentId === undefined ? sql`true` : sql`d.department_id = ${f.departmentId}`;
  return sql`d.department_id is not null and ${inScope} and ${one}`;
}

/** The projects of a version, for links: a few rows per document, aggregated in the same statement. */
const projectsOf = (versionId: SQL) =>
  sql`(select json_agg(json_build_object('id', p.id, 'unit', u.name, 'name', p.name) order by p.position)::text
       from projects p join units u on u.id = p.unit_id where p.version_id = ${versionId})`;

const refs = (text: string | null): DashboardProjectRef[] => (text ? (JSON.parse(text) as DashboardProjectRef[]) : []);
const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

export function createDashboardQueries(db: Db): DashboardQueries {
  return {
    async dashboardYears(filter) {
      const rows = await queryRows<{ year: number }>(
        db,
        sql`select distinct d.year from documents d where d.year is not null and d.current_version_id is not null and ${shown(filter)} order by d.year`,
      );
      return rows.map((r) => r.year);
    },

    async dashboardDocuments(query) {
      if (query.years.length === 0 || query.kinds.length === 0) return { items: [], total: 0 };
      const rows = await queryRows<DocumentRow>(
        db,
        sql`select d.id, d.kind, d.title, d.year, d.department_id, dep.name as department, v.version, v.sha256, v.content,
              ${projectsOf(sql`v.id`)} as projects, (count(*) over ())::int as total
            from documents d join document_versions v on v.id = d.current_version_id join departments dep on dep.id = d.department_id
            where d.year in (${list(query.years)}) and d.kind in (${list(query.kinds)}) and ${shown(query)}
            order by d.updated_at desc, d.id desc
            limit ${query.limit}`,
      );
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as DocumentKind,
          title: r.title,
          departmentId: r.department_id!,
          department: r.department,
          year: r.year!,
          version: r.version,
          sha256: r.sha256,
          document: unpackContent(r.content),
          projects: refs(r.projects),
        })),
      };
    },

    async latestMonitoring(query) {
      const rows = await queryRows<MonitoringRow>(
        db,
        sql`select distinct on (e.document_id) e.id as evaluation_id, e.document_id, e.period, e.entries, d.title, d.department_id,
              dep.name as department, v.content, ${projectsOf(sql`d.current_version_id`)} as projects
            from evaluations e join documents d on d.id = e.document_id join departments dep on dep.id = d.department_id
            join document_versions v on v.id = e.target_version_id
            where e.kind = 'monitoring' and d.year = ${query.year} and ${shown(query)}
            order by e.document_id, e.period desc`,
      );
      return rows.map((r) => ({
        evaluationId: r.evaluation_id,
        documentId: r.document_id,
        title: r.title,
        departmentId: r.department_id!,
        department: r.department,
        period: r.period,
        entries: jsonValue(r.entries) ?? {},
        document: unpackContent(r.content),
        projects: refs(r.projects),
      }));
    },

    async keptScores(query) {
      if (query.years.length === 0) return [];
      const rows = await queryRows<ScoreRow>(
        db,
        sql`select distinct on (s.evaluation_id) s.evaluation_id, s.total::text as total, s.grade, e.document_id, e.period, d.title, d.department_id,
              dep.name as department
            from evaluation_scores s join evaluations e on e.id = s.evaluation_id join documents d on d.id = e.document_id
            join departments dep on dep.id = d.department_id
            where e.kind = 'self-evaluation' and e.period in (${list(query.years.map(String))}) and ${shown(query)}
            order by s.evaluation_id, s.id desc`,
      );
      return rows.map((r) => ({
        evaluationId: r.evaluation_id,
        documentId: r.document_id,
        title: r.title,
        departmentId: r.department_id!,
        department: r.department,
        year: Number(r.period),
        total: r.total == null ? null : Number(r.total),
        grade: r.grade,
      }));
    },

    async reviewDecisionsOf(documentIds) {
      if (documentIds.length === 0) return [];
      const rows = await queryRows<DecisionRow>(
        db,
        sql`select ${decisionColumns} from review_decisions r join document_versions v on v.id = r.version_id
            where r.document_id = any(${intArray(documentIds)}) order by r.id`,
      );
      return rows.map(toDecision);
    },
  };
}
