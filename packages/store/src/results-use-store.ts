/**
 * `ResultsUseStore` on drizzle (R11, issue 14 item 1): the finance reviewer's decisions on next year's budget
 * suggestions, append-only (schema `results_use_decisions`; its migration's triggers refuse UPDATE and DELETE).
 */
import { AppError, type NewResultsUseDecision, type ResultsUseStore, type StoredResultsUseDecision } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { resultsUseDecisions } from './schema';
import { intArray } from './sql-arrays';
import type { SqlRow } from './sql-row';
import { jsonbParam, jsonValue, utcIso } from './sql-values';

type DecisionRow = SqlRow<typeof resultsUseDecisions>;

const columns = sql.join(
  [
    sql.raw('id, document_id, project_key, unit_name, project_name, kind, computed_suggestion, suggestion, reason, rule_set_id, rule_set_version, basis, decided_by'),
    sql`${utcIso('decided_at')} as decided_at`,
  ],
  sql`, `,
);

function toDecision(r: DecisionRow): StoredResultsUseDecision {
  return {
    id: r.id,
    documentId: r.document_id,
    projectKey: r.project_key,
    unit: r.unit_name,
    project: r.project_name,
    kind: r.kind,
    computed: r.computed_suggestion,
    suggestion: r.suggestion,
    reason: r.reason,
    ruleSet: { id: r.rule_set_id, version: r.rule_set_version },
    basis: jsonValue(r.basis),
    by: r.decided_by,
    at: r.decided_at,
  };
}

export function createResultsUseStore(db: Db): ResultsUseStore {
  return {
    async listDecisions({ documentIds }) {
      if (documentIds.length === 0) return [];
      const rows = await queryRows<DecisionRow>(db, sql`select ${columns} from results_use_decisions where document_id = any(${intArray(documentIds)}) order by id`);
      return rows.map(toDecision);
    },

    async saveDecision(input: NewResultsUseDecision) {
      const rows = await queryRows<DecisionRow>(
        db,
        sql`insert into results_use_decisions (document_id, project_key, unit_name, project_name, kind, computed_suggestion, suggestion, reason, rule_set_id, rule_set_version, basis, decided_by)
            select d.id, ${input.projectKey}, ${input.unit}, ${input.project}, ${input.kind}, ${input.computed}, ${input.suggestion}, ${input.reason}, ${input.ruleSet.id}, ${input.ruleSet.version}, ${jsonbParam(input.basis ?? {})}, ${input.by}
            from documents d where d.id = ${input.documentId}
            returning ${columns}`,
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${input.documentId} 的文档，无法保存结果应用决定。`, { documentId: input.documentId });
      return toDecision(row);
    },
  };
}
