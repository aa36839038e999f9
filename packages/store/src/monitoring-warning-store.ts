/**
 * `MonitoringWarningStore` on drizzle (issue 14 item 8, decision 038): the warnings raised when a monitoring report was
 * submitted and the unit's answers, both append-only (schema `monitoring_warnings`, `monitoring_warning_responses`;
 * their migration's triggers refuse UPDATE and DELETE).
 */
import { AppError, type MonitoringWarningStore, type NewMonitoringWarning, type StoredMonitoringWarning, type StoredWarningResponse } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { monitoringWarningResponses, monitoringWarnings } from './schema';
import { intArray } from './sql-arrays';
import type { SqlRow } from './sql-row';
import { utcIso } from './sql-values';

type WarningRow = SqlRow<typeof monitoringWarnings>;
type ResponseRow = SqlRow<typeof monitoringWarningResponses>;

const warningColumns = sql.join(
  [sql.raw('id, evaluation_id, warning_key, line_key, label, rule, setting, reason, rule_set_id, rule_set_version, due_date, issued_by'), sql`${utcIso('issued_at')} as issued_at`],
  sql`, `,
);
const responseColumns = sql.join([sql.raw('id, warning_id, response, explanation, responded_by'), sql`${utcIso('responded_at')} as responded_at`], sql`, `);

function toResponse(r: ResponseRow): StoredWarningResponse {
  return { id: r.id, warningId: r.warning_id, response: r.response, explanation: r.explanation, by: r.responded_by, at: r.responded_at };
}

function toWarning(r: WarningRow, responses: StoredWarningResponse[]): StoredMonitoringWarning {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    key: r.warning_key,
    lineKey: r.line_key,
    label: r.label,
    rule: r.rule,
    setting: r.setting,
    reason: r.reason,
    ruleSet: { id: r.rule_set_id, version: r.rule_set_version },
    due: r.due_date,
    issuedBy: r.issued_by,
    issuedAt: r.issued_at,
    responses: responses.filter((x) => x.warningId === r.id),
  };
}

export function createMonitoringWarningStore(db: Db): MonitoringWarningStore {
  const list = async (evaluationIds: readonly number[]): Promise<StoredMonitoringWarning[]> => {
    if (evaluationIds.length === 0) return [];
    const rows = await queryRows<WarningRow>(db, sql`select ${warningColumns} from monitoring_warnings where evaluation_id = any(${intArray(evaluationIds)}) order by id`);
    if (rows.length === 0) return [];
    const responses = await queryRows<ResponseRow>(db, sql`select ${responseColumns} from monitoring_warning_responses where warning_id = any(${intArray(rows.map((r) => r.id))}) order by id`);
    const answers = responses.map(toResponse);
    return rows.map((r) => toWarning(r, answers));
  };
  return {
    async issueWarnings(warnings: readonly NewMonitoringWarning[]) {
      for (const w of warnings) {
        await db.execute(
          sql`insert into monitoring_warnings (evaluation_id, warning_key, line_key, label, rule, setting, reason, rule_set_id, rule_set_version, due_date, issued_by)
              values (${w.evaluationId}, ${w.key}, ${w.lineKey}, ${w.label}, ${w.rule}, ${w.setting}, ${w.reason}, ${w.ruleSet.id}, ${w.ruleSet.version}, ${w.due}, ${w.issuedBy})
              on conflict (evaluation_id, warning_key) do nothing`,
        );
      }
      return list([...new Set(warnings.map((w) => w.evaluationId))]);
    },

    listWarnings: ({ evaluationIds }) => list(evaluationIds),

    async respond(input) {
      const rows = await queryRows<ResponseRow>(
        db,
        sql`insert into monitoring_warning_responses (warning_id, response, explanation, responded_by)
            select w.id, ${input.response}, ${input.explanation}, ${input.by} from monitoring_warnings w where w.id = ${input.warningId}
            returning ${responseColumns}`,
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${input.warningId} 的监控预警。`, { warningId: input.warningId });
      return toResponse(row);
    },
  };
}
