/**
 * `ReviewStore` on drizzle: the reviewer's decisions, append-only (schema `review_decisions`). One small statement
 * each; the findings themselves are never stored (the core recomputes them from the stored document).
 */
import type { Finding } from '@jixiao/core';
import { AppError, type NewReviewDecision, type ReviewStore, type StoredReviewDecision } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { documentVersions, reviewDecisions } from './schema';
import type { SqlRow } from './sql-row';
import { jsonValue, utcIso } from './sql-values';

/** A decision with the number of the version it was made on (joined from document_versions). */
export type DecisionRow = Pick<
  SqlRow<typeof reviewDecisions>,
  'id' | 'document_id' | 'type' | 'finding_key' | 'reason' | 'finding' | 'conclusion' | 'decided_by' | 'decided_at'
> &
  Pick<SqlRow<typeof documentVersions>, 'version'>;

export const decisionColumns = sql`r.id, r.document_id, v.version, r.type, r.finding_key, r.reason, r.finding, r.conclusion, r.decided_by,
  ${utcIso('r.decided_at')} as decided_at`;

export function toDecision(r: DecisionRow): StoredReviewDecision {
  const finding = jsonValue<Finding>(r.finding);
  return {
    id: r.id,
    documentId: r.document_id,
    version: r.version,
    type: r.type,
    findingKey: r.finding_key,
    reason: r.reason,
    finding,
    conclusion: r.conclusion,
    by: r.decided_by,
    at: r.decided_at,
  };
}

export function createReviewStore(db: Db): ReviewStore {
  return {
    async listDecisions(documentId: number): Promise<StoredReviewDecision[]> {
      const rows = await queryRows<DecisionRow>(
        db,
        sql`select ${decisionColumns} from review_decisions r join document_versions v on v.id = r.version_id where r.document_id = ${documentId} order by r.id`,
      );
      return rows.map(toDecision);
    },

    async saveDecision(input: NewReviewDecision): Promise<StoredReviewDecision> {
      const finding = input.finding === undefined ? null : JSON.stringify(input.finding);
      const rows = await queryRows<DecisionRow>(
        db,
        sql`with ins as (
              insert into review_decisions (document_id, version_id, type, finding_key, reason, finding, conclusion, decided_by)
              select v.document_id, v.id, ${input.type}, ${input.findingKey ?? null}, ${input.reason ?? null}, ${finding}::jsonb, ${input.conclusion ?? null}, ${input.by}
              from document_versions v where v.document_id = ${input.documentId} and v.version = ${input.version}
              returning *)
            select ${decisionColumns} from ins r join document_versions v on v.id = r.version_id`,
      ).catch((e: unknown) => {
        // drizzle's message repeats the statement; keep the database's own (e.g. the check constraint's name).
        const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
        throw new Error(`保存审核意见失败：${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      });
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${input.documentId} 的文档的第 ${input.version} 版，无法保存审核意见。`, { documentId: input.documentId, version: input.version });
      return toDecision(row);
    },
  };
}
