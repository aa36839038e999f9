/**
 * The workflow of a monitoring report or a self-evaluation (decision 011): 草稿 draft ─提交─► 已提交 submitted ─►
 * 已完成 done (accepted by the finance bureau) or 退回 returned (with the reason) ─► submitted again. Only drafts and
 * returned reports are saved; nothing moves or is saved once the period is locked (period-lock.ts).
 */
import type { Actor, Role } from '../access/actor';
import { inScope, roleAllows, type Action } from '../access/permissions';
import { findLock, lockedRefusal, type PeriodLock } from './period-lock';
import { cleanReason, refuse, rolesText, type Refusal } from './refusal';
import { rolesAllowed, type TransitionRecord } from './target-workflow';

export type EvaluationWorkflowKind = 'monitoring' | 'self-evaluation';
export type EvaluationWorkflowStatus = 'draft' | 'submitted' | 'returned' | 'done';
export type EvaluationAction = 'submit' | 'accept' | 'return';

export const EVALUATION_STATUS_LABELS: Record<EvaluationWorkflowStatus, string> = { draft: '草稿', submitted: '已提交', returned: '退回', done: '已完成' };
export const EVALUATION_ACTION_LABELS: Record<EvaluationAction, string> = { submit: '提交', accept: '审核通过', return: '退回修改' };
export const EVALUATION_KIND_LABELS: Record<EvaluationWorkflowKind, string> = { monitoring: '运行监控', 'self-evaluation': '绩效自评' };

export interface EvaluationWorkflowState {
  kind: EvaluationWorkflowKind;
  period: string;
  status: EvaluationWorkflowStatus;
  revision: number;
  departmentId: number | null;
}

const permission = (kind: EvaluationWorkflowKind, what: 'edit' | 'submit' | 'review'): Action => `${kind}.${what}`;

const RULES: Record<EvaluationAction, { what: 'submit' | 'review'; from: readonly EvaluationWorkflowStatus[]; to: EvaluationWorkflowStatus; reasonRequired: boolean }> = {
  submit: { what: 'submit', from: ['draft', 'returned'], to: 'submitted', reasonRequired: false },
  accept: { what: 'review', from: ['submitted'], to: 'done', reasonRequired: false },
  return: { what: 'review', from: ['submitted'], to: 'returned', reasonRequired: true },
};

/** The actions that must carry a reason (the rules' `reasonRequired`). */
export const EVALUATION_REASON_REQUIRED_ACTIONS: readonly EvaluationAction[] = (Object.keys(RULES) as EvaluationAction[]).filter((a) => RULES[a].reasonRequired);

function nextStep(state: EvaluationWorkflowState): string {
  const who = (what: 'edit' | 'submit' | 'review') => rolesText(rolesAllowed(permission(state.kind, what)).filter((r: Role) => r !== 'admin'));
  switch (state.status) {
    case 'draft':
    case 'returned':
      return `现在应由${who('edit')}填报，${who('submit')}提交`;
    case 'submitted':
      return `现在应由${who('review')}审核通过或退回`;
    case 'done':
      return '已审核完成，不能再修改';
  }
}

const stateText = (s: EvaluationWorkflowState) => `这份${EVALUATION_KIND_LABELS[s.kind]}（${s.period}）当前为「${EVALUATION_STATUS_LABELS[s.status]}」`;

export function decideEvaluationTransition(
  state: EvaluationWorkflowState,
  request: { action: EvaluationAction; actor: Actor; reason?: string | null },
  locks: readonly PeriodLock[],
): { ok: true; record: TransitionRecord } | Refusal {
  const { action, actor } = request;
  const rule = RULES[action];
  const needed = permission(state.kind, rule.what);
  const label = EVALUATION_ACTION_LABELS[action];
  if (!roleAllows(actor.role, needed)) {
    return refuse('FORBIDDEN', `您是${rolesText([actor.role])}，不能「${label}」${EVALUATION_KIND_LABELS[state.kind]}：只有${rolesText(rolesAllowed(needed))}可以。${stateText(state)}，${nextStep(state)}。`);
  }
  if (!inScope(actor, state.departmentId)) return refuse('FORBIDDEN', `这份${EVALUATION_KIND_LABELS[state.kind]}不属于您负责的部门，不能「${label}」。`);
  const lock = findLock(locks, state.period);
  if (lock) return lockedRefusal(lock, EVALUATION_KIND_LABELS[state.kind]);
  if (!rule.from.includes(state.status)) return refuse('CONFLICT', `不能「${label}」：${stateText(state)}，${nextStep(state)}。请刷新页面查看最新状态。`);
  const reason = cleanReason(request.reason);
  if (rule.reasonRequired && reason === null) return refuse('BAD_INPUT', `「${label}」须写明理由，请填写后再提交。`);
  return { ok: true, record: { action, from: state.status, to: rule.to, reason, conclusion: null, round: 1, version: state.revision } };
}

/** May the report be saved now (monitoring / self-evaluation entry)? Drafts and returned reports, in an open period. */
export function decideEvaluationSave(state: EvaluationWorkflowState, actor: Actor, locks: readonly PeriodLock[]): { ok: true } | Refusal {
  const needed = permission(state.kind, 'edit');
  if (!roleAllows(actor.role, needed)) return refuse('FORBIDDEN', `您是${rolesText([actor.role])}，不能填报${EVALUATION_KIND_LABELS[state.kind]}：只有${rolesText(rolesAllowed(needed))}可以。`);
  if (!inScope(actor, state.departmentId)) return refuse('FORBIDDEN', `这份${EVALUATION_KIND_LABELS[state.kind]}不属于您负责的部门，不能修改。`);
  const lock = findLock(locks, state.period);
  if (lock) return lockedRefusal(lock, EVALUATION_KIND_LABELS[state.kind]);
  if (state.status === 'draft' || state.status === 'returned') return { ok: true };
  return refuse('CONFLICT', `不能保存：${stateText(state)}，${nextStep(state)}。`);
}

/** The actions this actor may take now (for buttons). */
export function availableEvaluationActions(state: EvaluationWorkflowState, actor: Actor, locks: readonly PeriodLock[]): EvaluationAction[] {
  return (['submit', 'accept', 'return'] as const).filter((action) => decideEvaluationTransition(state, { action, actor, reason: 'x' }, locks).ok);
}
