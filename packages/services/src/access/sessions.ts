/**
 * Sign in, the current session, sign out and password change (issue 5 item 2, decision 010). The cookie carries a
 * random 32-byte token; only its sha256 is stored. Failed sign-ins are throttled per username and per address, and
 * the answer never says whether the username exists.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@jixiao/core';
import type { LiveSession, StoredUser } from './ports';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { actorOf } from './actor-of';
import { recordChange, type ChangeContext } from './audit';
import { checkNewPassword, hashPassword, timingDummyHash, verifyPassword } from './password';
import {
  ACCOUNT_WINDOW_MS,
  accountWaitMs,
  ADDRESS_WINDOW_MS,
  addressDelayMs,
  ENDED_SESSION_RETENTION_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SIGN_IN_FAILURE_RETENTION_MS,
} from './session-policy';

/** A sign-in, sign-out or password change is one transaction with its audit entry; hashing happens before it opens. */
export interface SessionDeps extends CommandDeps {
  /** The clock (tests move it). */
  now?: () => Date;
  /** Waits before answering a throttled address (tests record instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

export interface SignedIn {
  /** Goes into the cookie, never stored. */
  token: string;
  csrfToken: string;
  user: StoredUser;
  expiresAt: string;
}

export interface CurrentSession extends LiveSession {
  actor: Actor;
}

const clock = (deps: SessionDeps) => (deps.now ?? (() => new Date()))();
export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** 14:05 in Beijing time, for the "wait until" message. */
function beijingTime(at: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

const sleepFor = (deps: SessionDeps) => deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/**
 * Refuses an account that failed too often (429 saying until when), and slows down — never refuses — an address
 * that failed too often (session-policy.ts says why).
 */
async function throttle(deps: SessionDeps, username: string, ip: string | null, now: Date): Promise<void> {
  const { byUsername } = await deps.store.signInFailures.countFailures({ username, ip: null, since: new Date(now.getTime() - ACCOUNT_WINDOW_MS) });
  const wait = accountWaitMs(byUsername.count);
  if (wait > 0 && byUsername.newest) {
    const until = new Date(byUsername.newest.getTime() + wait);
    if (until > now) {
      throw new AppError('TOO_MANY_ATTEMPTS', `该账号登录失败次数过多，请在 ${beijingTime(until)}（北京时间）之后再试；忘记密码请联系管理员重置。`, {
        retryAfter: until.toISOString(),
      });
    }
  }
  if (ip === null) return;
  const { byIp } = await deps.store.signInFailures.countFailures({ username, ip, since: new Date(now.getTime() - ADDRESS_WINDOW_MS) });
  const delay = addressDelayMs(byIp.count);
  if (delay > 0) await sleepFor(deps)(delay);
}

export async function signIn(
  deps: SessionDeps,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string | null },
): Promise<SignedIn> {
  const now = clock(deps);
  const username = input.username.trim().toLowerCase();
  await throttle(deps, username, input.ip, now);
  const found = await deps.store.users.findForSignIn(username);
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await timingDummyHash()));
  if (!found || !ok) {
    await deps.store.signInFailures.recordFailure({ username, ip: input.ip, now });
    throw new AppError('UNAUTHENTICATED', '用户名或密码不正确。');
  }
  if (found.user.disabled) throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员。');
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await deps.store.transaction(async (tx) => {
    await tx.signInFailures.clearFailures(username);
    await tx.sessions.createSession({ tokenSha256: sha256(token), userId: found.user.id, csrfToken, now, expiresAt, ip: input.ip, userAgent: input.userAgent });
    // Housekeeping, one cheap statement each: nothing else ever deletes these rows.
    await tx.sessions.deleteEndedSessions(new Date(now.getTime() - ENDED_SESSION_RETENTION_MS));
    await tx.signInFailures.deleteFailuresBefore(new Date(now.getTime() - SIGN_IN_FAILURE_RETENTION_MS));
    await recordChange(tx.audit, { actor: actorOf(found.user), requestId: input.requestId }, { action: 'session.sign-in', objectType: 'user', objectId: found.user.id, before: null, after: { ip: input.ip } });
  });
  return { token, csrfToken, user: found.user, expiresAt: expiresAt.toISOString() };
}

/** The live session of a cookie token (and marks it used), or null: unknown, expired, idle, revoked, user disabled. */
export async function currentSession(deps: SessionDeps, token: string | undefined): Promise<CurrentSession | null> {
  if (!token || token.length > 200) return null;
  const now = clock(deps);
  const live = await deps.store.sessions.useSession(sha256(token), now, new Date(now.getTime() - SESSION_IDLE_MS));
  return live ? { ...live, actor: actorOf(live.user) } : null;
}

export async function signOut(deps: SessionDeps, session: CurrentSession, requestId: string | null): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.sessions.revokeSession(session.sessionId, clock(deps));
    await recordChange(tx.audit, { actor: session.actor, requestId }, { action: 'session.sign-out', objectType: 'user', objectId: session.user.id, before: null, after: null });
  });
}

/** Checks the current password, stores the new hash and ends the user's other sessions (this one stays). */
export async function changePassword(
  deps: SessionDeps,
  input: { session: CurrentSession; currentPassword: string; newPassword: string; requestId: string | null },
): Promise<void> {
  const { session } = input;
  const found = await deps.store.users.findForSignIn(session.user.username);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) throw new AppError('BAD_INPUT', '当前密码不正确，请重新输入。');
  checkNewPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) throw new AppError('BAD_INPUT', '新密码不能与当前密码相同。');
  const now = clock(deps);
  const passwordHash = await hashPassword(input.newPassword);
  const who: ChangeContext = { actor: session.actor, requestId: input.requestId };
  await deps.store.transaction(async (tx) => {
    await tx.users.setPasswordHash(session.user.id, passwordHash, now);
    const ended = await tx.sessions.revokeUserSessions(session.user.id, now, session.sessionId);
    await recordChange(tx.audit, who, { action: 'user.change-password', objectType: 'user', objectId: session.user.id, before: null, after: { otherSessionsEnded: ended } });
  });
}
