/**
 * The target document's workflow (rules.md R9, decision 011):
 *
 *   草稿 draft ─提交─► 已提交 submitted ─单位审批─► 审核中 in-review ─财政审核─► 退回 returned (中)
 *        ▲                 │ 单位退回                                      ├──► 已批复 approved (优, 良)
 *        └─────────────────┘                                               └──► 不予安排 rejected (差)
 *   returned ─(修改 = 新版本)─提交─► submitted, as a new round
 *   approved ─申请调整─► draft (adjustment) … the same review; the approved version stays in force until then.
 *
 * Who may act is the access table's (`access/permissions.ts`); this module adds when: the state, the round, the
 * reason where one is required and, for the reviewer, the review conclusion that decides the outcome.
 */
import type { Actor, Role } from '../access/actor';
import { inScope, roleAllows, type Action } from '../access/permissions';
import { cleanReason, refuse, rolesText, type Refusal } from './refusal';

export type TargetStatus = 'draft' | 'submitted' | 'in-review' | 'returned' | 'approved' | 'rejected';

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  'in-review': '审核中',
  returned: '退回',
  approved: '已批复',
  rejected: '不予安排',
};

export type TargetAction = 'submit' | 'send-back' | 'approve-unit' | 'return' | 'approve' | 'reject' | 'request-adjustment';

export const TARGET_ACTIONS: readonly TargetAction[] = ['submit', 'send-back', 'approve-unit', 'return', 'approve', 'reject', 'request-adjustment'];

export const TARGET_ACTION_LABELS: Record<TargetAction, string> = {
  submit: '提交单位负责人审批',
  'send-back': '退回填报人修改',
  'approve-unit': '单位审批通过，报送财政审核',
  return: '退回修改',
  approve: '批复',
  reject: '不予安排',
  'request-adjustment': '申请调整',
};

/** Where a target document stands. A document that never moved is a draft in round 1 (`initialTargetState`). */
export interface TargetWorkflowState {
  status: TargetStatus;
  /** 1 at first; a resubmission after a return and an adjustment request each start a new round. */
  round: number;
  /** The document version the status was set on. */
  statusVersion: number;
  /** The document's current version (the newest one, possibly an edit made after the status was set). */
  currentVersion: number;
  /** The frozen version monitoring and self-evaluation read; null until first approved. */
  approvedVersion: number | null;
  /** The current draft or review is an adjustment (调整申请) of `approvedVersion`. */
  adjustment: boolean;
  departmentId: number | null;
}

export function initialTargetState(currentVersion: number, departmentId: number | null): TargetWorkflowState {
  return { status: 'draft', round: 1, statusVersion: currentVersion, currentVersion, approvedVersion: null, adjustment: false, departmentId };
}

export interface TargetTransitionRequest {
  action: TargetAction;
  actor: Actor;
  reason?: string | null;
  /** The review's conclusion (优/良/中/差, R9), required for return / approve / reject. */
  conclusion?: string | null;
}

/** What one transition records (the history keeps all of them). */
export interface TransitionRecord {
  action: string;
  from: string;
  to: string;
  reason: string | null;
  conclusion: string | null;
  round: number;
  /** The document version (or evaluation revision) acted on. */
  version: number;
}

export type TargetTransition = { ok: true; next: TargetWorkflowState; record: TransitionRecord } | Refusal;

interface Rule {
  permission: Action;
  from: readonly TargetStatus[];
  reasonRequired: boolean;
  /** The conclusions that lead to this action (reviewer actions only). */
  conclusions?: readonly string[];
}

const RULES: Record<TargetAction, Rule> = {
  submit: { permission: 'workflow.submit', from: ['draft', 'returned'], reasonRequired: false },
  'send-back': { permission: 'workflow.unit-approve', from: ['submitted'], reasonRequired: true },
  'approve-unit': { permission: 'workflow.unit-approve', from: ['submitted'], reasonRequired: false },
  return: { permission: 'workflow.review', from: ['in-review'], reasonRequired: true, conclusions: ['中'] },
  approve: { permission: 'workflow.review', from: ['in-review'], reasonRequired: false, conclusions: ['优', '良'] },
  reject: { permission: 'workflow.review', from: ['in-review'], reasonRequired: true, conclusions: ['差'] },
  'request-adjustment': { permission: 'workflow.request-adjustment', from: ['approved', 'rejected'], reasonRequired: true },
};

/** The actions that must carry a reason (the rules' `reasonRequired`): the buttons ask for one, the transition refuses without. */
export const TARGET_REASON_REQUIRED_ACTIONS: readonly TargetAction[] = TARGET_ACTIONS.filter((a) => RULES[a].reasonRequired);
/** The reviewer's actions, each decided by the review's conclusion (the rules with `conclusions`, R9). */
export const TARGET_REVIEW_ACTIONS: readonly TargetAction[] = TARGET_ACTIONS.filter((a) => RULES[a].conclusions !== undefined);

const roleLabel = (role: Role) => rolesText([role]);

const ALL_ROLES: readonly Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];

/** The roles the access table lets do `permission`, for messages ("只有单位负责人或管理员可以…"). */
export function rolesAllowed(permission: Action): Role[] {
  return ALL_ROLES.filter((r) => roleAllows(r, permission));
}

/** The review action R9 attaches to a conclusion: 中 → return, 优/良 → approve, 差 → reject; null for anything else. */
export function actionForConclusion(conclusion: string | null | undefined): Extract<TargetAction, 'return' | 'approve' | 'reject'> | null {
  if (conclusion === '优' || conclusion === '良') return 'approve';
  if (conclusion === '中') return 'return';
  if (conclusion === '差') return 'reject';
  return null;
}

const TO: Record<TargetAction, TargetStatus> = {
  submit: 'submitted',
  'send-back': 'draft',
  'approve-unit': 'in-review',
  return: 'returned',
  approve: 'approved',
  reject: 'rejected',
  'request-adjustment': 'draft',
};

function stateText(state: TargetWorkflowState): string {
  return `${state.adjustment ? '调整申请' : '绩效目标'}当前为「${TARGET_STATUS_LABELS[state.status]}」（第 ${state.round} 轮）`;
}

/** Who acts next in this state, for the refusal ("现在应由单位负责人审批"). */
export function nextStepText(state: TargetWorkflowState): string {
  switch (state.status) {
    case 'draft':
      return `现在应由${rolesText(['unit-editor'])}修改完善后提交`;
    case 'returned':
      return `现在应由${rolesText(['unit-editor'])}按审核意见修改（修改后形成新版本）再提交`;
    case 'submitted':
      return `现在应由${rolesText(['unit-approver'])}审批或退回`;
    case 'in-review':
      return `现在应由${rolesText(rolesAllowed('workflow.review').filter((r) => r !== 'admin'))}按评审结论退回、批复或不予安排`;
    case 'approved':
      return '已批复的目标已冻结；如需修改，请提出调整申请';
    case 'rejected':
      return state.approvedVersion === null ? '不予安排的目标不能再提交' : `调整申请未获同意，第 ${state.approvedVersion} 版仍然有效；如需修改，请重新提出调整申请`;
  }
}

/** Decides one transition. Never throws: a refusal says what state the document is in and who may act. */
export function decideTargetTransition(state: TargetWorkflowState, request: TargetTransitionRequest): TargetTransition {
  const { action, actor } = request;
  const rule = RULES[action];
  const label = TARGET_ACTION_LABELS[action];
  if (!roleAllows(actor.role, rule.permission)) {
    return refuse('FORBIDDEN', `您是${roleLabel(actor.role)}，不能「${label}」：只有${rolesText(rolesAllowed(rule.permission))}可以。${stateText(state)}，${nextStepText(state)}。`);
  }
  if (!inScope(actor, state.departmentId)) {
    return refuse('FORBIDDEN', `这份绩效目标不属于您负责的部门，不能「${label}」。如需办理，请联系该部门的${rolesText(rolesAllowed(rule.permission).filter((r) => r !== 'admin'))}。`);
  }
  if (!rule.from.includes(state.status) || (action === 'request-adjustment' && state.approvedVersion === null)) {
    return refuse('CONFLICT', `不能「${label}」：${stateText(state)}，${nextStepText(state)}。请刷新页面查看最新状态。`);
  }
  const reason = cleanReason(request.reason);
  if (rule.reasonRequired && reason === null) {
    return refuse('BAD_INPUT', `「${label}」须写明理由（${action === 'return' || action === 'reject' ? '审核意见' : '原因'}），请填写后再提交。`);
  }
  if (rule.conclusions) {
    const conclusion = request.conclusion ?? null;
    const expected = actionForConclusion(conclusion);
    if (expected === null) return refuse('BAD_INPUT', `「${label}」须依据评审结论（优、良、中、差），当前没有评审结论。请先完成审核。`);
    if (expected !== action) {
      return refuse(
        'CONFLICT',
        `评审结论为「${conclusion}」，按规定应「${TARGET_ACTION_LABELS[expected]}」而不是「${label}」（优、良批复；中退回修改；差不予安排）。如认为结论不当，请先在审核页调整评审结论并写明理由。`,
      );
    }
  }
  if (action === 'submit' && state.status === 'returned' && state.currentVersion <= state.statusVersion) {
    return refuse('CONFLICT', `退回的绩效目标须按审核意见修改后再提交：当前仍是退回时的第 ${state.statusVersion} 版，请先修改并保存（形成新版本）。`);
  }
  if (action === 'submit' && state.adjustment && state.approvedVersion !== null && state.currentVersion <= state.approvedVersion) {
    return refuse('CONFLICT', `调整申请须先修改目标：当前仍是已批复的第 ${state.approvedVersion} 版，请先修改并保存（形成新版本）再提交。`);
  }
  const to = TO[action];
  const round = (action === 'submit' && state.status === 'returned') || action === 'request-adjustment' ? state.round + 1 : state.round;
  const approved = action === 'approve';
  const next: TargetWorkflowState = {
    ...state,
    status: to,
    round,
    statusVersion: state.currentVersion,
    approvedVersion: approved ? state.currentVersion : state.approvedVersion,
    adjustment: approved ? false : action === 'request-adjustment' ? true : state.adjustment,
  };
  return {
    ok: true,
    next,
    record: { action, from: state.status, to, reason, conclusion: rule.conclusions ? (request.conclusion ?? null) : null, round, version: state.currentVersion },
  };
}


/** The actions this actor may take now (for buttons); the reviewer's are narrowed to the one the conclusion allows. */
export function availableTargetActions(state: TargetWorkflowState, actor: Actor, conclusion: string | null): TargetAction[] {
  return TARGET_ACTIONS.filter((action) => {
    const decided = decideTargetTransition(state, { action, actor, reason: 'x', conclusion });
    return decided.ok;
  });
}

/**
 * May this actor save an edited version now? Only drafts and returned documents change; an approved one is frozen
 * (an adjustment request makes a new draft), a submitted one waits for its reviewers.
 */
export function decideTargetEdit(state: TargetWorkflowState, actor: Actor): { ok: true } | Refusal {
  if (!roleAllows(actor.role, 'target.edit')) {
    return refuse('FORBIDDEN', `您是${roleLabel(actor.role)}，不能修改绩效目标：只有${rolesText(rolesAllowed('target.edit'))}可以修改。`);
  }
  if (!inScope(actor, state.departmentId)) return refuse('FORBIDDEN', '这份绩效目标不属于您负责的部门，不能修改。');
  return decideTargetEditByState(state);
}

/**
 * May the review of this version still change (accept, dismiss, add a finding, the conclusion)? Not once the
 * targets are decided: an approved or rejected version's review is the record the 批复 was made on.
 */
/** The states in which a review is final: the record the 批复 (or 不予安排) was made on. */
export const REVIEW_FINAL_STATUSES: readonly TargetStatus[] = ['approved', 'rejected'];

export function decideReviewChange(state: TargetWorkflowState): { ok: true } | Refusal {
  if (state.status === 'approved') {
    return refuse('CONFLICT', `绩效目标已批复（第 ${state.approvedVersion ?? state.statusVersion} 版），评审意见已定，不能再采纳、驳回、补充问题或调整结论。如需修改，请由单位提出「申请调整」，调整后的目标重新审核。`);
  }
  if (state.status === 'rejected') return refuse('CONFLICT', '这份绩效目标已不予安排，评审意见已定，不能再修改。');
  return { ok: true };
}

/** The state part of `decideTargetEdit` (also used for imports, which have no actor yet). */
export function decideTargetEditByState(state: TargetWorkflowState): { ok: true } | Refusal {
  if (state.status === 'draft' || state.status === 'returned') return { ok: true };
  if (state.status === 'approved') {
    return refuse('CONFLICT', `绩效目标已批复（第 ${state.approvedVersion ?? state.statusVersion} 版），已冻结，不能直接修改。如需修改，请由单位提出「申请调整」，调整后的目标须重新审核。`);
  }
  return refuse('CONFLICT', `不能修改：${stateText(state)}，${nextStepText(state)}。${state.status === 'submitted' ? '如需修改，请单位负责人先退回。' : ''}`);
}
