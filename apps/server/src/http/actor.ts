/**
 * What a route needs to know about who is asking: the signed-in actor (the access policy already made sure there
 * is one on every non-public route), the change context for the audit trail, and the scope for lists.
 */
import type { Actor } from '@jixiao/core';
import { AppError, listScopeOf, type ActingInput, type InScope } from '@jixiao/services';
import type { Context } from 'hono';
import type { AppEnv } from '../routes/common';

export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('session')?.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录（登录已过期或已退出）。');
  return actor;
}

/** The signed-in person and the request: what every services command takes as `who`. */
export function changeContext(c: Context<AppEnv>): ActingInput {
  return { actor: actorOf(c), requestId: c.get('requestId') ?? null };
}

/** `{}` for district-wide roles; otherwise the departments the actor sees (possibly none). */
export function listScope(c: Context<AppEnv>): InScope {
  return listScopeOf(actorOf(c));
}
