/**
 * The workflow of a rectification item (整改, issue 14 item 2):
 *
 *   待下发 draft ─下发─► 整改中 issued ─反馈─► 已反馈 fed-back ─销号─► 已销号 verified
 *                          ▲                        │
 *                          └──── 退回 returned ◄─退回─┘ (with the reason; the unit feeds back again)
 *
 * The finance reviewer creates, issues, verifies and returns (`rectification.manage`); the responsible unit's editor
 * feeds back (`rectification.feedback`), with the measures taken and evidence. Every move is refused as a value naming
 * the state and who acts next, like the target and evaluation workflows.
 */
import type { Actor, Role } from '../access/actor';
import { inScope, roleAllows, type Action } from '../access/permissions';
import { cleanReason, refuse, rolesText, type Refusal } from '../workflow/refusal';
import { rolesAllowed } from '../workflow/target-workflow';

export type RectificationStatus = 'draft' | 'issued' | 'fed-back' | 'returned' | 'verified';
export type RectificationAction = 'issue' | 'feedback' | 'verify' | 'return';

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  draft: '待下发',
  issued: '整改中',
  'fed-back': '已反馈',
  returned: '退回整改',
  verified: '已销号',
};
export const RECTIFICATION_STATUSES = Object.keys(RECTIFICATION_STATUS_LABELS) as RectificationStatus[];

export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = { issue: '下发整改通知', feedback: '反馈整改情况', verify: '销号', return: '退回重新整改' };

/** The statuses in which the item is still open (results use: unresolved rectification → reduce until fixed, R11). */
export const OPEN_RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['draft', 'issued', 'fed-back', 'returned'];

export interface RectificationState {
  status: RectificationStatus;
  departmentId: number | null;
  /** Bumped by every move (two reviewers acting at once). */
  revision: number;
  /** How many feedbacks were given so far. */
  round: number;
}

export interface RectificationRecord {
  action: RectificationAction;
  from: RectificationStatus;
  to: RectificationStatus;
  /** The reason of a return, the feedback's text, the verifier's remark. */
  text: string | null;
  round: number;
}

const RULES: Record<RectificationAction, { permission: Action; from: readonly RectificationStatus[]; to: RectificationStatus; textRequired: string | null }> = {
  issue: { permission: 'rectification.manage', from: ['draft'], to: 'issued', textRequired: null },
  feedback: { permission: 'rectification.feedback', from: ['issued', 'returned'], to: 'fed-back', textRequired: '「反馈整改情况」须写明已采取的整改措施和结果。' },
  verify: { permission: 'rectification.manage', from: ['fed-back'], to: 'verified', textRequired: null },
  return: { permission: 'rectification.manage', from: ['fed-back'], to: 'returned', textRequired: '「退回重新整改」须写明理由，说明还差什么。' },
};

export const RECTIFICATION_TEXT_REQUIRED: readonly RectificationAction[] = (Object.keys(RULES) as RectificationAction[]).filter((a) => RULES[a].textRequired !== null);

const who = (permission: Action) => rolesText(rolesAllowed(permission).filter((r: Role) => r !== 'admin'));

function nextStep(status: RectificationStatus): string {
  switch (status) {
    case 'draft':
      return `现在应由${who('rectification.manage')}下发整改通知`;
    case 'issued':
    case 'returned':
      return `现在应由责任单位的${who('rectification.feedback')}反馈整改情况`;
    case 'fed-back':
      return `现在应由${who('rectification.manage')}核实后销号或退回`;
    case 'verified':
      return '已销号，不能再办理';
  }
}

export function decideRectificationTransition(state: RectificationState, request: { action: RectificationAction; actor: Actor; text?: string | null }): { ok: true; record: RectificationRecord } | Refusal {
  const { action, actor } = request;
  const rule = RULES[action];
  const label = RECTIFICATION_ACTION_LABELS[action];
  const stateText = `这项整改当前为「${RECTIFICATION_STATUS_LABELS[state.status]}」`;
  if (!roleAllows(actor.role, rule.permission)) {
    return refuse('FORBIDDEN', `您是${rolesText([actor.role])}，不能「${label}」：只有${rolesText(rolesAllowed(rule.permission))}可以。${stateText}，${nextStep(state.status)}。`);
  }
  if (!inScope(actor, state.departmentId)) return refuse('FORBIDDEN', `这项整改不属于您负责的部门，不能「${label}」。`);
  if (!rule.from.includes(state.status)) return refuse('CONFLICT', `不能「${label}」：${stateText}，${nextStep(state.status)}。请刷新页面查看最新状态。`);
  const text = cleanReason(request.text);
  if (rule.textRequired !== null && text === null) return refuse('BAD_INPUT', rule.textRequired);
  const round = action === 'feedback' ? state.round + 1 : state.round;
  return { ok: true, record: { action, from: state.status, to: rule.to, text, round } };
}

/** The actions this actor may take now (for buttons). */
export function availableRectificationActions(state: RectificationState, actor: Actor): RectificationAction[] {
  return (['issue', 'feedback', 'verify', 'return'] as const).filter((action) => decideRectificationTransition(state, { action, actor, text: 'x' }).ok);
}

/** May this actor create an item in this department (the finance reviewer, district-wide)? */
export function decideCreateRectification(actor: Actor, departmentId: number | null): { ok: true } | Refusal {
  if (!roleAllows(actor.role, 'rectification.manage')) return refuse('FORBIDDEN', `您是${rolesText([actor.role])}，不能新建整改事项：只有${rolesText(rolesAllowed('rectification.manage'))}可以。`);
  if (!inScope(actor, departmentId)) return refuse('FORBIDDEN', '这个部门不在您负责的范围内，不能为它新建整改事项。');
  return { ok: true };
}
