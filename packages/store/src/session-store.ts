/**
 * `SessionStore` and `SignInFailureStore` on drizzle (schema `sessions`, `sign_in_failures`). Only the sha256 of a
 * session token is stored. Expiry is decided here in SQL against the `now` the service passes, so a test clock works.
 */
import type { SessionStore, SignInFailureStore } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { sessions } from './schema';
import type { SqlRow } from './sql-row';
import { toUser, userColumns, type UserRow } from './user-store';
import { utcIso } from './sql-values';

/** The user's columns and the session's, renamed where they would clash. */
type SessionRow = UserRow &
  Pick<SqlRow<typeof sessions>, 'csrf_token' | 'expires_at'> & { session_id: SqlRow<typeof sessions>['id']; session_created_at: SqlRow<typeof sessions>['created_at'] };

/** How stale `last_seen_at` may get before a request writes it again. */
const SEEN_RESOLUTION_MS = 60_000;

export function createSessionStore(db: Db): SessionStore {
  return {
    async createSession(input) {
      await db.execute(
        sql`insert into sessions (token_sha256, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
            values (${input.tokenSha256}, ${input.userId}, ${input.csrfToken}, ${input.now.toISOString()}, ${input.now.toISOString()},
                    ${input.expiresAt.toISOString()}, ${input.ip}, ${input.userAgent})`,
      );
    },

    async useSession(tokenSha256, now, idleSince) {
      // One statement: find the live session and mark it seen — but write `last_seen_at` at most once a minute, so
      // that reading pages does not turn every request into a write (idle expiry is then exact to the minute).
      const touchBefore = new Date(now.getTime() - SEEN_RESOLUTION_MS);
      const rows = await queryRows<SessionRow>(
        db,
        sql`with s as (
              select id, user_id, csrf_token, created_at, expires_at, last_seen_at from sessions
              where token_sha256 = ${tokenSha256} and revoked_at is null
                and expires_at > ${now.toISOString()} and last_seen_at > ${idleSince.toISOString()}),
            touched as (
              update sessions set last_seen_at = ${now.toISOString()}
              from s where sessions.id = s.id and s.last_seen_at < ${touchBefore.toISOString()})
            select s.id as session_id, s.csrf_token, ${utcIso('s.created_at')} as session_created_at, ${utcIso('s.expires_at')} as expires_at, ${userColumns}
            from s join users u on u.id = s.user_id where not u.disabled`,
      );
      const row = rows[0];
      if (!row) return null;
      return { sessionId: row.session_id, csrfToken: row.csrf_token, createdAt: row.session_created_at, expiresAt: row.expires_at, user: toUser(row) };
    },

    async revokeSession(sessionId, now) {
      await db.execute(sql`update sessions set revoked_at = ${now.toISOString()} where id = ${sessionId} and revoked_at is null`);
    },

    async revokeUserSessions(userId, now, keepSessionId) {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update sessions set revoked_at = ${now.toISOString()}
            where user_id = ${userId} and revoked_at is null and id <> ${keepSessionId ?? 0} returning id`,
      );
      return rows.length;
    },

    async deleteEndedSessions(before) {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`delete from sessions where expires_at < ${before.toISOString()} or revoked_at < ${before.toISOString()} returning id`,
      );
      return rows.length;
    },
  };
}

/** An aggregate (no table's row): counted here, typed here. */
interface CountRow {
  count: number | string;
  oldest: string | Date | null;
  newest: string | Date | null;
}

const counted = (r: CountRow | undefined) => ({
  count: Number(r?.count ?? 0),
  oldest: r?.oldest ? new Date(r.oldest) : null,
  newest: r?.newest ? new Date(r.newest) : null,
});

export function createSignInFailureStore(db: Db): SignInFailureStore {
  return {
    async recordFailure({ username, ip, now }) {
      await db.execute(sql`insert into sign_in_failures (username, ip, at) values (${username}, ${ip}, ${now.toISOString()})`);
    },

    async countFailures({ username, ip, since }) {
      const byUsername = await queryRows<CountRow>(
        db,
        sql`select count(*) as count, min(at) as oldest, max(at) as newest from sign_in_failures where username = ${username} and at > ${since.toISOString()}`,
      );
      const byIp =
        ip === null
          ? []
          : await queryRows<CountRow>(db, sql`select count(*) as count, min(at) as oldest, max(at) as newest from sign_in_failures where ip = ${ip} and at > ${since.toISOString()}`);
      return { byUsername: counted(byUsername[0]), byIp: counted(byIp[0]) };
    },

    async clearFailures(username) {
      await db.execute(sql`delete from sign_in_failures where username = ${username}`);
    },

    async deleteFailuresBefore(before) {
      const rows = await queryRows<{ id: number }>(db, sql`delete from sign_in_failures where at < ${before.toISOString()} returning id`);
      return rows.length;
    },
  };
}
