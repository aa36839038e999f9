/**
 * The audit trail on drizzle (schema `audit_events`): `AuditLog.append` and the reader behind the audit page.
 * Append-only — the table's trigger refuses UPDATE and DELETE, so not even a bug here can rewrite history.
 */
import type { AuditEntry, AuditLog, AuditQuery, AuditReader, StoredAuditEntry } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from './db';
import { jsonValue, utcIso } from './sql-values';

interface AuditRow {
  id: number | string;
  at: string;
  actor_user_id: number | null;
  actor_username: string;
  actor_display_name: string;
  action: string;
  object_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  total?: number | string;
}

const columns = sql`a.id, ${utcIso('a.at')} as at, a.actor_user_id, a.actor_username,
  a.actor_display_name, a.action, a.object_type, a.object_id, a.before, a.after, a.request_id`;


function toEntry(r: AuditRow): StoredAuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: { userId: r.actor_user_id, username: r.actor_username, displayName: r.actor_display_name },
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    before: jsonValue(r.before),
    after: jsonValue(r.after),
    requestId: r.request_id,
  };
}

/** JSON for jsonb; undefined (nothing to say) is stored as SQL null like null. */
const jsonb = (v: unknown): SQL => sql`${v === undefined || v === null ? null : JSON.stringify(v)}::jsonb`;

/** Appends one entry with any executor, so a use case can write it in the same transaction as the change. */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<StoredAuditEntry> {
  const rows = await queryRows<AuditRow>(
    db,
    sql`with a as (
          insert into audit_events (actor_user_id, actor_username, actor_display_name, action, object_type, object_id, before, after, request_id)
          values (${entry.actor.userId}, ${entry.actor.username}, ${entry.actor.displayName}, ${entry.action}, ${entry.objectType},
                  ${entry.objectId}, ${jsonb(entry.before)}, ${jsonb(entry.after)}, ${entry.requestId})
          returning *)
        select ${columns} from a`,
  );
  return toEntry(rows[0]!);
}

function whereOf(q: AuditQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.actor) parts.push(sql`a.actor_username = ${q.actor}`);
  if (q.action) parts.push(q.action.endsWith('.') ? sql`starts_with(a.action, ${q.action})` : sql`a.action = ${q.action}`);
  if (q.objectType) parts.push(sql`a.object_type = ${q.objectType}`);
  if (q.objectId) parts.push(sql`a.object_id = ${q.objectId}`);
  if (q.from) parts.push(sql`a.at >= ${q.from}::timestamptz`);
  if (q.to) parts.push(sql`a.at < ${q.to}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export function createAuditStore(db: Db): AuditLog & AuditReader {
  return {
    append: (entry) => appendAudit(db, entry),

    async listAudit(query) {
      const rows = await queryRows<AuditRow>(
        db,
        sql`select ${columns}, count(*) over () as total from audit_events a where ${whereOf(query)}
            order by a.at desc, a.id desc limit ${query.limit} offset ${query.offset}`,
      );
      let total = rows[0] ? Number(rows[0].total) : 0;
      if (!rows[0] && query.offset > 0) {
        const counted = await queryRows<{ total: number | string }>(db, sql`select count(*) as total from audit_events a where ${whereOf(query)}`);
        total = Number(counted[0]?.total ?? 0);
      }
      return { items: rows.map(toEntry), total };
    },
  };
}
