/**
 * The audit trail's hash chain (decision 013): each entry's `hash` is sha256(`prev_hash` + its canonical JSON), the
 * first entry's `prev_hash` is GENESIS. The chain is a pure function of the rows' content (id, time, actor, action,
 * object, before/after, request id), so a verbatim copy of the table (backup → restore) verifies as well.
 *
 * Entries written before migration 0006 have no hash; they are chained "virtually" (the same formula, computed on the
 * fly), and the first hashed entry links to the virtual chain's end, so they are covered as a group.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { StoredAuditEntry } from '@jixiao/services';
import { queryRows, type Executor } from './db';
import type { auditEvents } from './schema';
import type { SqlRow } from './sql-row';

/** The `prev_hash` of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry time as the chain sees it: UTC with microseconds, the full precision of `timestamptz`, so the text
 * round-trips exactly. `column` is trusted SQL (a column name or expression).
 */
export function chainAt(column: string): SQL {
  return sql.raw(`to_char((${column}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
}

/** JSON with object keys sorted at every level (jsonb does not keep the key order it was given). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * The one serialisation of an entry, used by append and verify alike: every column but the hash columns, `at` as
 * `chainAt` gives it, before/after as parsed back from jsonb.
 */
export function canonicalEntry(c: StoredAuditEntry): string {
  return canonicalJson({
    id: c.id,
    at: c.at,
    actorUserId: c.actor.userId,
    actorUsername: c.actor.username,
    actorDisplayName: c.actor.displayName,
    action: c.action,
    objectType: c.objectType,
    objectId: c.objectId,
    before: c.before,
    after: c.after,
    requestId: c.requestId,
  });
}

export function chainHash(prevHash: string, content: StoredAuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(content)).digest('hex');
}

/** jsonb read as text (`::text`) → the value; parsing the text ourselves reads the same on both drivers. */
export const parseJsonText = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** An audit entry as SQL returns it (`at` as UTC text, jsonb as text); the audit store reads the same columns. */
export type AuditRow = Omit<SqlRow<typeof auditEvents>, 'id' | 'before' | 'after' | 'prev_hash' | 'hash'> & {
  /** bigserial: raw SQL may hand it back as text. */
  id: number | string;
  /** jsonb as text, parsed here: a driver that parses jsonb itself would hand back a JSON string value unquoted. */
  before: string | null;
  after: string | null;
};

type ChainRow = AuditRow & Pick<SqlRow<typeof auditEvents>, 'prev_hash' | 'hash'>;

/** An audit row as the services see it (the audit store's listings and the chain read the same columns). */
export function entryOf(r: AuditRow): StoredAuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: { userId: r.actor_user_id, username: r.actor_username, displayName: r.actor_display_name },
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    before: parseJsonText(r.before),
    after: parseJsonText(r.after),
    requestId: r.request_id,
  };
}

/** Rows after `afterId` in id order, `limit` at a time (keyset paging: a table of millions is never loaded whole). */
async function batchAfter(db: Executor, afterId: number, limit: number): Promise<ChainRow[]> {
  return queryRows<ChainRow>(
    db,
    sql`select id, ${chainAt('at')} as at, actor_user_id, actor_username, actor_display_name, action, object_type,
               object_id, before::text as before, after::text as after, request_id, prev_hash, hash
        from audit_events where id > ${afterId} order by id limit ${limit}`,
  );
}

async function* rowsInIdOrder(db: Executor, batchSize: number): AsyncGenerator<ChainRow> {
  let last = 0;
  for (;;) {
    const rows = await batchAfter(db, last, batchSize);
    yield* rows;
    if (rows.length < batchSize) return;
    last = Number(rows[rows.length - 1]!.id);
  }
}

export type AuditChainBreak = 'content' | 'link' | 'missing' | 'unhashed';

export type AuditChainReport =
  | {
      ok: true;
      /** Entries checked (the unhashed ones before migration 0006 included). */
      count: number;
      /** Of those, entries written before the chain existed (checked as a group by the first hashed entry's link). */
      legacy: number;
      /** The last entry's hash: written down elsewhere, it also reveals a rewrite of the whole chain or a cut-off tail. */
      lastHash: string;
    }
  | {
      ok: false;
      /** Entries found intact before the break. */
      count: number;
      legacy: number;
      firstBrokenId: number;
      at: string;
      action: string;
      kind: AuditChainBreak;
      /** One Chinese line: what is wrong with this entry. */
      reason: string;
    };

export interface VerifyOptions {
  /** Rows read per query; default 1000. */
  batchSize?: number;
}

/** Walks the whole trail in id order and reports the first entry whose link or content does not match. */
export async function verifyAuditChain(db: Executor, options: VerifyOptions = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let prev = GENESIS_HASH;
  let prevId: number | null = null;
  let count = 0;
  let legacy = 0;
  let chained = false;
  for await (const row of rowsInIdOrder(db, batchSize)) {
    const content = entryOf(row);
    const broken = (kind: AuditChainBreak, reason: string): AuditChainReport => ({ ok: false, count, legacy, firstBrokenId: content.id, at: content.at, action: content.action, kind, reason });
    if (row.hash === null || row.prev_hash === null) {
      if (chained) return broken('unhashed', `内容被改动：第 ${content.id} 条记录的哈希被清除（它写于哈希链启用之后，本应带有哈希）`);
      legacy++;
      count++;
      prev = chainHash(prev, content);
      prevId = content.id;
      continue;
    }
    if (row.prev_hash !== prev) {
      if (!chained && legacy > 0) return broken('link', `链接断开：第 ${content.id} 条记录与之前 ${legacy} 条未加哈希的早期记录不符（其中有记录被改动或删除）`);
      if (prevId === null) return broken('missing', `缺少记录：链的开头不见了（第 ${content.id} 条之前的记录被删除）`);
      if (content.id > prevId + 1) return broken('missing', `缺少记录：第 ${prevId} 条与第 ${content.id} 条之间的记录被删除，链接断开`);
      return broken('link', `链接断开：第 ${content.id} 条记录的 prev_hash 与第 ${prevId} 条记录的哈希不符`);
    }
    if (chainHash(row.prev_hash, content) !== row.hash) return broken('content', `内容被改动：第 ${content.id} 条记录的内容与其哈希不符`);
    chained = true;
    count++;
    prev = row.hash;
    prevId = content.id;
  }
  return { ok: true, count, legacy, lastHash: prev };
}

/**
 * The hash the next entry links to: the last entry's, or — while the trail holds only entries from before the chain
 * existed — the end of their virtual chain (walked once, by the first append after migration 0006).
 */
export async function chainHead(db: Executor): Promise<string> {
  const last = await queryRows<{ hash: string | null }>(db, sql`select hash from audit_events order by id desc limit 1`);
  if (!last[0]) return GENESIS_HASH;
  if (last[0].hash !== null) return last[0].hash;
  let prev = GENESIS_HASH;
  for await (const row of rowsInIdOrder(db, 1000)) prev = row.hash ?? chainHash(prev, entryOf(row));
  return prev;
}

/** An arbitrary constant: the transaction-level advisory lock that serialises appends to the chain. */
export const AUDIT_CHAIN_LOCK = 7_402_114;
