/**
 * 整改's part of 待办 (workflow/todo.ts): an item is on someone's list exactly when they could move it now — the unit's
 * editor for an issued or returned item (feedback), the finance reviewer for a draft (issue) and a fed-back one
 * (verify or return). An overdue item the unit still owes is also on the reviewer's list, to chase it up.
 */
import type { Actor } from '../access/actor';
import { inScope, roleAllows } from '../access/permissions';
import { isRectificationOverdue } from './overdue';
import { decideRectificationTransition, type RectificationState } from './workflow';

export type RectificationTodoKind = 'rectification-returned' | 'rectification-to-feed-back' | 'rectification-overdue' | 'rectification-to-issue' | 'rectification-to-verify';

const may = (state: RectificationState, actor: Actor, action: 'issue' | 'feedback' | 'verify') => decideRectificationTransition(state, { action, actor, text: '（待办判断）' }).ok;

export function rectificationTodo(item: RectificationState & { deadline: string }, actor: Actor, today: string): RectificationTodoKind | null {
  if (may(item, actor, 'feedback')) return item.status === 'returned' ? 'rectification-returned' : 'rectification-to-feed-back';
  if (may(item, actor, 'issue')) return 'rectification-to-issue';
  if (may(item, actor, 'verify')) return 'rectification-to-verify';
  if (isRectificationOverdue(item, today) && roleAllows(actor.role, 'rectification.manage') && inScope(actor, item.departmentId)) return 'rectification-overdue';
  return null;
}
