/**
 * The audit trail on drizzle (schema `audit_events`): `AuditLog.append` and the reader behind the audit page.
 * Append-only — the table's triggers refuse UPDATE, DELETE and TRUNCATE, so not even a bug here can rewrite history;
 * each entry is linked into a hash chain (audit-chain.ts, decision 013) so a change made behind the triggers' back
 * (a superuser disabling them) is found by `verifyAuditChain`.
 */
import { AUDIT_COUNT_LIMIT, type AuditEntry, type AuditLog, type AuditQuery, type AuditReader, type StoredAuditEntry } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_CHAIN_LOCK, chainAt, chainHash, chainHead, entryOf, parseJsonText, type AuditRow } from './audit-chain';
import { queryRows, type Db } from './db';
import { jsonbParam, utcIso } from './sql-values';

interface AuditListRow extends AuditRow {
  total?: number | string;
}

const columns = sql`a.id, ${utcIso('a.at')} as at, a.actor_user_id, a.actor_username,
  a.actor_display_name, a.action, a.object_type, a.object_id, a.before::text as before, a.after::text as after, a.request_id`;


/**
 * Appends one entry, linked to the chain's last one. One transaction (a savepoint when `db` is already a
 * transaction, so a use case can write it together with its change) holding the chain's advisory lock from the read
 * of the last hash to the insert: two concurrent appends can never link to the same predecessor. The id and time
 * are taken first, under the lock, because the hash covers them; before/after go through jsonb and back as text so
 * the hash is computed over exactly what is stored.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<StoredAuditEntry> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const prevHash = await chainHead(tx);
    const [next] = await queryRows<{ id: number | string; at: string; before: string | null; after: string | null }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_events', 'id')) as id, ${chainAt('clock_timestamp()')} as at,
                 ${jsonbParam(entry.before)}::text as before, ${jsonbParam(entry.after)}::text as after`,
    );
    const id = Number(next!.id);
    const hash = chainHash(prevHash, { ...entry, id, at: next!.at, before: parseJsonText(next!.before), after: parseJsonText(next!.after) });
    const rows = await queryRows<AuditListRow>(
      tx,
      sql`with a as (
            insert into audit_events (id, at, actor_user_id, actor_username, actor_display_name, action, object_type, object_id, before, after, request_id, prev_hash, hash)
            values (${id}, ${next!.at}::timestamptz, ${entry.actor.userId}, ${entry.actor.username}, ${entry.actor.displayName}, ${entry.action},
                    ${entry.objectType}, ${entry.objectId}, ${next!.before}::jsonb, ${next!.after}::jsonb, ${entry.requestId}, ${prevHash}, ${hash})
            returning *)
          select ${columns} from a`,
    );
    return entryOf(rows[0]!);
  });
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
      const where = whereOf(query);
      // Keyset (issue 12 item 2): newest first by (at, id) on the (at, id) index; the page after an entry starts
      // below that entry's own (at, id), so no page reads and skips the rows before it.
      const below = query.before === undefined ? sql`true` : sql`(a.at, a.id) < (select b.at, b.id from audit_events b where b.id = ${query.before})`;
      const rows = await queryRows<AuditRow>(db, sql`select ${columns} from audit_events a where ${where} and ${below} order by a.at desc, a.id desc limit ${query.limit}`);
      // Counted up to a bound: an exact count of a city's trail would read every entry for every page.
      const [counted] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (select 1 from audit_events a where ${where} limit ${AUDIT_COUNT_LIMIT + 1}) c`);
      const total = counted?.total ?? 0;
      return { items: rows.map(entryOf), total: Math.min(total, AUDIT_COUNT_LIMIT), capped: total > AUDIT_COUNT_LIMIT };
    },
  };
}
