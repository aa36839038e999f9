/**
 * The workflow of a monitoring report or a self-evaluation (decision 011):
 *
 *   monitoring:       草稿 draft ─提交─► 已提交 submitted ─财政审核─► 已完成 done, or 退回 returned (with the reason)
 *   self-evaluation:  草稿 draft ─提交─► 已提交 submitted ─单位审核通过─► 审核中 in-review ─财政审核─► done / returned
 *                                          └─退回填报人─► returned
 *
 * A returned report is fixed and submitted again. The unit head signs off the unit's self-evaluation before it goes
 * to the finance bureau (decision 035), as for the targets; monitoring is reported straight to the bureau. Only
 * drafts and returned reports are saved; nothing moves or is saved once the period is locked (period-lock.ts).
 */
import type { Actor, Role } from '../access/actor';
import { inScope, roleAllows, type Action } from '../access/permissions';
import { findLock, lockedRefusal, type PeriodLock } from './period-lock';
import { cleanReason, refuse, rolesText, type Refusal } from './refusal';
import { rolesAllowed, type TransitionRecord } from './target-workflow';

export type EvaluationWorkflowKind = 'monitoring' | 'self-evaluation';
export type EvaluationWorkflowStatus = 'draft' | 'submitted' | 'in-review' | 'returned' | 'done';
export type EvaluationAction = 'submit' | 'approve-unit' | 'send-back' | 'accept' | 'return';

export const EVALUATION_ACTIONS: readonly EvaluationAction[] = ['submit', 'approve-unit', 'send-back', 'accept', 'return'];

export const EVALUATION_STATUS_LABELS: Record<EvaluationWorkflowStatus, string> = { draft: '草稿', submitted: '已提交', 'in-review': '审核中', returned: '退回', done: '已完成' };
export const EVALUATION_ACTION_LABELS: Record<EvaluationAction, string> = {
  submit: '提交',
  'approve-unit': '单位审核通过，报送财政',
  'send-back': '退回填报人修改',
  accept: '审核通过',
  return: '退回修改',
};
export const EVALUATION_KIND_LABELS: Record<EvaluationWorkflowKind, string> = { monitoring: '运行监控', 'self-evaluation': '绩效自评' };

export interface EvaluationWorkflowState {
  kind: EvaluationWorkflowKind;
  period: string;
  status: EvaluationWorkflowStatus;
  revision: number;
  departmentId: number | null;
}

type Step = 'edit' | 'submit' | 'unit-approve' | 'review';
const permission = (kind: EvaluationWorkflowKind, what: Step): Action => (what === 'unit-approve' ? 'self-evaluation.unit-approve' : `${kind}.${what}`);

interface Rule {
  what: Exclude<Step, 'edit'>;
  from: readonly EvaluationWorkflowStatus[];
  to: EvaluationWorkflowStatus;
  reasonRequired: boolean;
}

/** Where the finance bureau's review starts: after the unit head's sign-off for a self-evaluation, at once for monitoring. */
const REVIEWED_FROM: Record<EvaluationWorkflowKind, EvaluationWorkflowStatus> = { monitoring: 'submitted', 'self-evaluation': 'in-review' };

function ruleOf(kind: EvaluationWorkflowKind, action: EvaluationAction): Rule | null {
  const reviewed = REVIEWED_FROM[kind];
  switch (action) {
    case 'submit':
      return { what: 'submit', from: ['draft', 'returned'], to: 'submitted', reasonRequired: false };
    case 'approve-unit':
      return kind === 'self-evaluation' ? { what: 'unit-approve', from: ['submitted'], to: 'in-review', reasonRequired: false } : null;
    case 'send-back':
      return kind === 'self-evaluation' ? { what: 'unit-approve', from: ['submitted'], to: 'returned', reasonRequired: true } : null;
    case 'accept':
      return { what: 'review', from: [reviewed], to: 'done', reasonRequired: false };
    case 'return':
      return { what: 'review', from: [reviewed], to: 'returned', reasonRequired: true };
  }
}

/** The actions that must carry a reason (the rules' `reasonRequired`, the same for both kinds). */
export const EVALUATION_REASON_REQUIRED_ACTIONS: readonly EvaluationAction[] = EVALUATION_ACTIONS.filter((a) => ruleOf('self-evaluation', a)?.reasonRequired);

function nextStep(state: EvaluationWorkflowState): string {
  const who = (what: Step) => rolesText(rolesAllowed(permission(state.kind, what)).filter((r: Role) => r !== 'admin'));
  switch (state.status) {
    case 'draft':
    case 'returned':
      return `现在应由${who('edit')}填报，${who('submit')}提交`;
    case 'submitted':
      return state.kind === 'self-evaluation' ? `现在应由${who('unit-approve')}审核通过（报送财政）或退回填报人` : `现在应由${who('review')}审核通过或退回`;
    case 'in-review':
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
  const label = EVALUATION_ACTION_LABELS[action];
  const rule = ruleOf(state.kind, action);
  if (!rule) return refuse('CONFLICT', `${EVALUATION_KIND_LABELS[state.kind]}没有「${label}」这一步：${stateText(state)}，${nextStep(state)}。`);
  const needed = permission(state.kind, rule.what);
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
  return EVALUATION_ACTIONS.filter((action) => decideEvaluationTransition(state, { action, actor, reason: 'x' }, locks).ok);
}
