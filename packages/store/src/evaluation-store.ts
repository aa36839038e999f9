/**
 * `EvaluationStore` on drizzle (schema `evaluations`, `evaluation_scores`): monitoring reports and self-evaluations
 * against one target version, saved with an optimistic revision check in one statement (`update … where revision =
 * base`), so two people saving at once can never both win; and the scores kept, append-only.
 */
import { AppError, type EvaluationKind, type EvaluationStore, type StoredEvaluation, type StoredEvaluationScore } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { documents, documentVersions, evaluationScores, evaluations } from './schema';
import { intArray } from './sql-arrays';
import type { As, SqlRow } from './sql-row';
import { jsonValue, utcIso } from './sql-values';

/** An evaluation with the number of its target version (joined from document_versions). */
type EvaluationRow = Omit<SqlRow<typeof evaluations>, 'target_version_id'> & As<SqlRow<typeof documentVersions>, { target_version: 'version' }>;

/** A listed evaluation: its target document's title and kind, and its department's name. */
type ListedRow = EvaluationRow & As<SqlRow<typeof documents>, { document_title: 'title'; document_kind: 'kind' }> & { department_name: string | null };

/** `total` is read as text (`::text`), exact, like drizzle's numeric. */
type ScoreRow = SqlRow<typeof evaluationScores>;

const evaluationColumns = sql`e.id, e.document_id, v.version as target_version, e.kind, e.period, e.status, e.entries, e.report,
  e.revision, e.created_by, ${utcIso('e.created_at')} as created_at, e.updated_by, ${utcIso('e.updated_at')} as updated_at`;

const scoreColumns = sql`s.id, s.evaluation_id, s.evaluation_revision, s.rule_set_id, s.rule_set_version, s.total::text as total, s.grade,
  s.result, s.scored_by, ${utcIso('s.scored_at')} as scored_at`;

function toEvaluation(r: EvaluationRow): StoredEvaluation {
  return {
    id: r.id,
    documentId: r.document_id,
    targetVersion: r.target_version,
    kind: r.kind,
    period: r.period,
    status: r.status,
    entries: jsonValue(r.entries) ?? {},
    report: jsonValue(r.report) ?? null,
    revision: r.revision,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

function toScore(r: ScoreRow): StoredEvaluationScore {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    evaluationRevision: r.evaluation_revision,
    ruleSet: { id: r.rule_set_id, version: r.rule_set_version },
    total: r.total == null ? null : Number(r.total),
    grade: r.grade,
    result: jsonValue(r.result),
    scoredBy: r.scored_by,
    scoredAt: r.scored_at,
  };
}

const KIND_LABEL: Record<EvaluationKind, string> = { monitoring: '运行监控', 'self-evaluation': '绩效自评' };

export function createEvaluationStore(db: Db): EvaluationStore {
  async function one(where: ReturnType<typeof sql>): Promise<StoredEvaluation | null> {
    const rows = await queryRows<EvaluationRow>(db, sql`select ${evaluationColumns} from evaluations e join document_versions v on v.id = e.target_version_id where ${where}`);
    return rows[0] ? toEvaluation(rows[0]) : null;
  }

  async function get(id: number): Promise<StoredEvaluation> {
    const found = await one(sql`e.id = ${id}`);
    if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的监控或自评记录。`, { evaluationId: id });
    return found;
  }

  return {
    async listEvaluations(filter = {}) {
      const inScope = filter.inDepartments ? sql`d.department_id = any(${intArray(filter.inDepartments)})` : sql`true`;
      const rows = await queryRows<ListedRow>(
        db,
        sql`select ${evaluationColumns}, d.title as document_title, d.kind as document_kind, dep.name as department_name
            from evaluations e join document_versions v on v.id = e.target_version_id
            join documents d on d.id = e.document_id left join departments dep on dep.id = d.department_id
            where (${filter.documentId ?? null}::int is null or e.document_id = ${filter.documentId ?? null})
              and (${filter.kind ?? null}::text is null or e.kind = ${filter.kind ?? null}) and ${inScope}
            order by e.document_id, e.kind, e.period`,
      );
      return rows.map((r) => ({ ...toEvaluation(r), documentTitle: r.document_title, documentKind: r.document_kind, department: r.department_name }));
    },

    getEvaluation: get,

    findEvaluation: (documentId, kind, period) => one(sql`e.document_id = ${documentId} and e.kind = ${kind} and e.period = ${period}`),

    async createEvaluation(input) {
      const existing = await one(sql`e.document_id = ${input.documentId} and e.kind = ${input.kind} and e.period = ${input.period}`);
      if (existing) {
        throw new AppError('CONFLICT', `该文档 ${input.period} 的${KIND_LABEL[input.kind]}已经存在（编号 ${existing.id}），请打开它继续填报。`, { evaluationId: existing.id });
      }
      const rows = await queryRows<{ id: number }>(
        db,
        sql`insert into evaluations (document_id, target_version_id, kind, period, entries, created_by, updated_by)
            select v.document_id, v.id, ${input.kind}, ${input.period}, ${JSON.stringify(input.entries ?? {})}::jsonb, ${input.by}, ${input.by}
            from document_versions v where v.document_id = ${input.documentId} and v.version = ${input.targetVersion}
            on conflict (document_id, kind, period) do nothing
            returning id`,
      );
      const id = rows[0]?.id;
      if (id === undefined) {
        const raced = await one(sql`e.document_id = ${input.documentId} and e.kind = ${input.kind} and e.period = ${input.period}`);
        if (raced) throw new AppError('CONFLICT', `该文档 ${input.period} 的${KIND_LABEL[input.kind]}刚刚已由 ${raced.createdBy} 建立，请刷新后继续填报。`, { evaluationId: raced.id });
        throw new AppError('NOT_FOUND', `找不到编号为 ${input.documentId} 的文档的第 ${input.targetVersion} 版。`, { documentId: input.documentId, version: input.targetVersion });
      }
      return get(id);
    },

    async saveEvaluation(input) {
      const entries = input.entries === undefined ? null : JSON.stringify(input.entries);
      const report = input.report === undefined ? null : JSON.stringify(input.report);
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update evaluations set
              entries = coalesce(${entries}::jsonb, entries),
              report = case when ${report === null ? 0 : 1} = 1 then ${report}::jsonb else report end,
              status = coalesce(${input.status ?? null}, status),
              revision = revision + 1, updated_by = ${input.by}, updated_at = now()
            where id = ${input.id} and revision = ${input.baseRevision}
            returning id`,
      );
      if (rows[0]) return get(input.id);
      const current = await get(input.id);
      throw new AppError(
        'CONFLICT',
        `保存未成功：这份${KIND_LABEL[current.kind]}已由 ${current.updatedBy} 于 ${current.updatedAt} 修改（第 ${current.revision} 版），你的修改基于第 ${input.baseRevision} 版。请重新载入最新内容后再保存（你这次的输入仍在页面上，可先复制）。`,
        { revision: current.revision, updatedBy: current.updatedBy, updatedAt: current.updatedAt },
      );
    },

    async saveScore(input) {
      const rows = await queryRows<ScoreRow>(
        db,
        sql`with ins as (
              insert into evaluation_scores (evaluation_id, evaluation_revision, rule_set_id, rule_set_version, total, grade, result, scored_by)
              values (${input.evaluationId}, ${input.evaluationRevision}, ${input.ruleSet.id}, ${input.ruleSet.version}, ${input.total}, ${input.grade},
                      ${JSON.stringify(input.result)}::jsonb, ${input.scoredBy})
              returning *)
            select ${scoreColumns} from ins s`,
      );
      return toScore(rows[0]!);
    },

    async listScores(evaluationId) {
      const rows = await queryRows<ScoreRow>(db, sql`select ${scoreColumns} from evaluation_scores s where s.evaluation_id = ${evaluationId} order by s.id`);
      return rows.map(toScore);
    },
  };
}
