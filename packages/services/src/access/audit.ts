/**
 * Who makes a change and in which request — what every audited use case takes — and the one way to record it.
 * Passwords and hashes never reach here: callers pass the public shape of an object (`StoredUser` has no hash).
 */
import type { Actor } from '@jixiao/core';
import type { AuditEntry, AuditLog, StoredAuditEntry } from '../ports';

export interface ChangeContext {
  /** null: the system itself (demo seeding, start-up). */
  actor: Actor | null;
  /** X-Request-Id of the HTTP request, or the CLI invocation's id; absent or null outside any request. */
  requestId?: string | null;
  /** Without a signed-in actor: who ran it (the CLI's operating-system user), so the trail still names someone. */
  operator?: string;
}

export const SYSTEM_ACTOR: AuditEntry['actor'] = { userId: null, username: 'system', displayName: '系统' };

export function auditActor(actor: Actor | null, operator?: string): AuditEntry['actor'] {
  if (actor) return { userId: actor.userId, username: actor.username, displayName: actor.displayName };
  return operator ? { userId: null, username: `cli:${operator}`, displayName: `命令行（${operator}）` } : SYSTEM_ACTOR;
}

export interface Change {
  action: string;
  objectType: string;
  objectId: string | number;
  before: unknown;
  after: unknown;
}

export function recordChange(log: AuditLog, who: ChangeContext, change: Change): Promise<StoredAuditEntry> {
  return log.append({
    actor: auditActor(who.actor, who.operator),
    action: change.action,
    objectType: change.objectType,
    objectId: String(change.objectId),
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: who.requestId ?? null,
  });
}

/** The name a change keeps on what it wrote (`updatedBy`, `createdBy`): the person's, else the operator's, else the system's. */
export function changedBy(who: ChangeContext): string {
  return who.actor?.displayName ?? who.operator ?? SYSTEM_ACTOR.displayName;
}

/** A change made by the system itself (demo seeding, start-up), outside any request. */
export const SYSTEM_CHANGE: ChangeContext = { actor: null, requestId: null };
