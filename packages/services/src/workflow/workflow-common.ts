/**
 * What the workflow use cases share (decision 011): their dependencies, turning the core's refusals into `AppError`s
 * (a refusal after someone else acted says who and when), the audit entry every change appends, and the history's
 * wire shape with Chinese labels.
 */
import type { TransitionDto } from '@jixiao/contract';
import {
  EVALUATION_ACTION_LABELS,
  EVALUATION_STATUS_LABELS,
  ROLE_LABELS,
  TARGET_ACTION_LABELS,
  TARGET_STATUS_LABELS,
  chinaTime,
  type Actor,
  type Refusal,
  type Role,
} from '@jixiao/core';
import type { ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { StoredTransition } from './ports';

/** Who is acting: a signed-in person (the core decides on their role and department), and the request. */
export type ActingInput = ChangeContext & { actor: Actor };

/** A core refusal as the AppError the edges map; `last` names who changed the object last (lost-update message). */
export function refusalError(refusal: Refusal, last?: { by: string | null; at: string | null }): AppError {
  const suffix = refusal.code === 'CONFLICT' && last?.by ? `（最近一次由 ${last.by} 于 ${chinaTime(last.at)} 办理）` : '';
  return new AppError(refusal.code, refusal.message + suffix, last?.by ? { lastBy: last.by, lastAt: last.at } : undefined);
}

const ACTION_LABELS: Record<string, string> = { ...TARGET_ACTION_LABELS, accept: EVALUATION_ACTION_LABELS.accept, publish: '公开发布' };
const STATUS_LABELS: Record<string, string> = { ...TARGET_STATUS_LABELS, ...EVALUATION_STATUS_LABELS };

export function toTransitionDto(t: StoredTransition): TransitionDto {
  const action = t.objectType === 'evaluation' ? ((EVALUATION_ACTION_LABELS as Record<string, string>)[t.action] ?? t.action) : (ACTION_LABELS[t.action] ?? t.action);
  return {
    id: t.id,
    action: t.action,
    actionLabel: action,
    from: t.from,
    fromLabel: STATUS_LABELS[t.from] ?? t.from,
    to: t.to,
    toLabel: STATUS_LABELS[t.to] ?? t.to,
    reason: t.reason,
    conclusion: t.conclusion,
    round: t.round,
    version: t.version,
    by: { ...t.by, roleLabel: ROLE_LABELS[t.by.role as Role] ?? t.by.role },
    at: t.at,
  };
}
