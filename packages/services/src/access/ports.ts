/**
 * What sign-in and user administration need from the store (issue 5, decision 010): users, database sessions and
 * the failed-sign-in record. Times that decide expiry and throttling are passed in (`now`), so tests can move the
 * clock; the audit trail's own time is the database's.
 */
import type { Role } from '@jixiao/core';

export interface StoredUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  assignedDepartmentIds: number[];
  disabled: boolean;
  /** Made by demo seeding; exists only in demo mode. */
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  departmentId: number | null;
  assignedDepartmentIds: number[];
  demo?: boolean;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  departmentId?: number | null;
  assignedDepartmentIds?: number[];
  disabled?: boolean;
}

export interface UserStore {
  listUsers(): Promise<StoredUser[]>;
  /** Throws NOT_FOUND. */
  getUser(id: number): Promise<StoredUser>;
  /** With the hash, for checking a password; null when there is no such user. */
  findForSignIn(username: string): Promise<{ user: StoredUser; passwordHash: string } | null>;
  /** Throws CONFLICT when the username is taken. */
  createUser(input: NewUser): Promise<StoredUser>;
  /** Throws NOT_FOUND. */
  updateUser(id: number, patch: UserPatch): Promise<StoredUser>;
  setPasswordHash(id: number, passwordHash: string, now: Date): Promise<void>;
  /** Removes the demo users (and their sessions) when the server starts outside demo mode. */
  removeDemoUsers(): Promise<number>;
}

export interface NewSession {
  tokenSha256: string;
  userId: number;
  csrfToken: string;
  now: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface LiveSession {
  sessionId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  user: StoredUser;
}

export interface SessionStore {
  createSession(input: NewSession): Promise<void>;
  /**
   * The session of this token when it is neither revoked, nor past `expires_at`, nor idle since before `idleSince`,
   * and its user is not disabled; it is then marked seen at `now`. Otherwise null.
   */
  useSession(tokenSha256: string, now: Date, idleSince: Date): Promise<LiveSession | null>;
  revokeSession(sessionId: number, now: Date): Promise<void>;
  /** Ends every session of the user except `keepSessionId` (password change keeps the one that changed it). */
  revokeUserSessions(userId: number, now: Date, keepSessionId?: number): Promise<number>;
  /** Deletes the sessions that expired or were revoked before `before` (one statement); answers how many. */
  deleteEndedSessions(before: Date): Promise<number>;
}

export interface SignInFailureStore {
  recordFailure(input: { username: string; ip: string | null; now: Date }): Promise<void>;
  /** Failures since `since` for the username and for the IP, with the oldest and newest of each (to say until when to wait). */
  countFailures(input: { username: string; ip: string | null; since: Date }): Promise<{
    byUsername: { count: number; oldest: Date | null; newest: Date | null };
    byIp: { count: number; oldest: Date | null; newest: Date | null };
  }>;
  /** A successful sign-in forgets the username's failures. */
  clearFailures(username: string): Promise<void>;
  /** Deletes every failure recorded before `before` (one statement); answers how many. */
  deleteFailuresBefore(before: Date): Promise<number>;
}

/** What the audit page and export filter by; every field optional. */
export interface AuditQuery {
  /** Username (exact) of who made the change. */
  actor?: string;
  /** Action, exact or a prefix ending with `.` (`document.`). */
  action?: string;
  objectType?: string;
  objectId?: string;
  /** ISO dates or times, inclusive `from`, exclusive `to`. */
  from?: string;
  to?: string;
  limit: number;
  /**
   * Keyset (issue 12 item 2): the entries older than this one — the last id of the page before. Newest first by
   * (time, id), so the thousandth page is as fast as the first; there is no offset.
   */
  before?: number;
}

/** The audit trail counts at most this many matching entries for a page's total (`capped` beyond). */
export const AUDIT_COUNT_LIMIT = 10_000;

/** Objects whose department decides who may see them (the server's access policy asks before a route runs). */
export type ScopedObject = 'department' | 'unit' | 'document' | 'project' | 'indicator' | 'evaluation' | 'rectification' | 'attachment';

export interface ScopeLookup {
  /**
   * The department an object belongs to: a number, null for an object in no department (district-wide), or
   * `undefined` when there is no such object.
   */
  departmentOf(object: ScopedObject, id: number): Promise<number | null | undefined>;
}
