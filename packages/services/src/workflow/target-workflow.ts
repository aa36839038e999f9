/**
 * The target document's workflow as the pages see it and as people move it (R9, decision 011): the state, the
 * history, what the signed-in person may do now; and one transition, decided by the core under the document's row
 * lock. The reviewer's return / approve / reject follow the review's conclusion (computed, or the reviewer's
 * override): it is read here, before the transaction, because computing it is the slow part.
 */
import type { TargetWorkflowDto } from '@jixiao/contract';
import {
  availableTargetActions,
  chinaTime,
  decidePublishTargets,
  decideRollover,
  decideWithdrawTargetsPublication,
  decideTargetEdit,
  decideTargetTransition,
  TARGET_ACTION_LABELS,
  TARGET_REASON_REQUIRED_ACTIONS,
  TARGET_REVIEW_ACTIONS,
  TARGET_STATUS_LABELS,
  type Actor,
  type TargetAction,
} from '@jixiao/core';
import { recordChange } from '../access/audit';
import { AppError } from '../errors';
import { loadReview, type ReviewDeps } from '../review/review-state';
import type { CommandDeps } from '../unit-of-work';
import { actedBy, type StoredTargetWorkflow, type WorkflowStore } from './ports';
import { refusalError, toTransitionDto, type ActingInput } from './workflow-common';

type WorkflowReadDeps = { store: ReviewDeps['store'] & { workflow: WorkflowStore } };

const REASON_REQUIRED: ReadonlySet<TargetAction> = new Set(TARGET_REASON_REQUIRED_ACTIONS);
const REVIEW_ACTIONS: ReadonlySet<TargetAction> = new Set(TARGET_REVIEW_ACTIONS);

async function conclusionOf(deps: ReviewDeps, state: StoredTargetWorkflow): Promise<string | null> {
  if (state.status !== 'in-review') return null;
  return (await loadReview(deps, state.documentId)).result.conclusion ?? null;
}

function snapshot(state: StoredTargetWorkflow) {
  const { status, round, statusVersion, currentVersion, approvedVersion, adjustment, publishedVersion } = state;
  return { status, round, statusVersion, currentVersion, approvedVersion, adjustment, publishedVersion };
}

export async function getTargetWorkflow(deps: WorkflowReadDeps, input: { documentId: number; actor: Actor }): Promise<TargetWorkflowDto> {
  const state = await deps.store.workflow.getTargetWorkflow(input.documentId);
  const [conclusion, history] = await Promise.all([conclusionOf(deps, state), deps.store.workflow.listTransitions('document', input.documentId)]);
  const edit = decideTargetEdit(state, input.actor);
  return {
    documentId: state.documentId,
    status: state.status,
    statusLabel: (state.adjustment ? '调整申请·' : '') + TARGET_STATUS_LABELS[state.status],
    round: state.round,
    revision: state.revision,
    statusVersion: state.statusVersion,
    currentVersion: state.currentVersion,
    approvedVersion: state.approvedVersion,
    adjustment: state.adjustment,
    editable: edit.ok,
    editRefusal: edit.ok ? null : edit.message,
    conclusion,
    actions: availableTargetActions(state, input.actor, conclusion).map((action) => ({ action, label: TARGET_ACTION_LABELS[action], reasonRequired: REASON_REQUIRED.has(action) })),
    canPublish: decidePublishTargets(state, input.actor, state.publishedVersion).ok,
    canWithdrawPublication: decideWithdrawTargetsPublication(state, input.actor, state.publishedVersion).ok,
    canRollOver: decideRollover(state, input.actor).ok,
    publishedVersion: state.publishedVersion,
    publishedBy: state.publishedBy,
    publishedAt: state.publishedAt,
    currentVersionBy: state.currentVersionBy,
    currentVersionAt: state.currentVersionAt,
    history: history.map(toTransitionDto),
  };
}

export interface TransitionTargetInput {
  documentId: number;
  action: TargetAction;
  reason?: string | null;
  /** The workflow revision the person saw; when someone acted since, the action is refused (nothing is lost). */
  baseRevision?: number;
}

/**
 * One change: the review's conclusion computed before the transaction (the slow part), then, in one transaction, the
 * core's decision under the document's row lock, the new state and its history row, and the audit entry with the
 * state as it was under the lock and after.
 */
export async function transitionTarget(deps: CommandDeps, who: ActingInput, input: TransitionTargetInput): Promise<TargetWorkflowDto> {
  const seen = await deps.store.workflow.getTargetWorkflow(input.documentId);
  const conclusion = REVIEW_ACTIONS.has(input.action) ? await conclusionOf(deps, seen) : null;
  await deps.store.transaction(async (tx) => {
    let before = seen;
    const { state, transition } = await tx.workflow.transitionTarget(input.documentId, actedBy(who.actor), (current) => {
    before = current;
    const last = { by: current.updatedBy, at: current.updatedAt };
    if (input.baseRevision !== undefined && input.baseRevision !== current.revision) {
      throw new AppError(
        'CONFLICT',
        `办理未成功：这份绩效目标的状态已由 ${current.updatedBy ?? '他人'} 于 ${chinaTime(current.updatedAt)} 变更为「${TARGET_STATUS_LABELS[current.status]}」。请点「重新载入」查看最新状态后再办理。`,
        { lastBy: current.updatedBy, lastAt: current.updatedAt, status: current.status },
      );
    }
    // The conclusion was read on the version under review; if the document moved meanwhile the state check refuses.
    const decided = decideTargetTransition(current, { action: input.action, actor: who.actor, reason: input.reason ?? null, conclusion });
    if (!decided.ok) throw refusalError(decided, last);
    return decided;
    });
    await recordChange(tx.audit, who, {
      action: `workflow.${input.action}`,
      objectType: 'document',
      objectId: input.documentId,
      before: snapshot(before),
      after: { ...snapshot(state), transition: transition.id, reason: transition.reason, conclusion: transition.conclusion },
    });
  });
  return getTargetWorkflow(deps, { documentId: input.documentId, actor: who.actor });
}

/** Publishes the approved version (R12); the public page shows it from now on. */
export async function publishTargets(deps: CommandDeps, who: ActingInput, input: { documentId: number }): Promise<TargetWorkflowDto> {
  await deps.store.transaction(async (tx) => {
    let before: number | null = null;
    const state = await tx.workflow.publishTargets(input.documentId, actedBy(who.actor), (current) => {
      before = current.publishedVersion;
      const decided = decidePublishTargets(current, who.actor, current.publishedVersion);
      if (!decided.ok) throw refusalError(decided, { by: current.publishedBy, at: current.publishedAt });
      return decided.version;
    });
    await recordChange(tx.audit, who, { action: 'workflow.publish', objectType: 'document', objectId: input.documentId, before: { publishedVersion: before }, after: { publishedVersion: state.publishedVersion } });
  });
  return getTargetWorkflow(deps, { documentId: input.documentId, actor: who.actor });
}

/** 撤回公开: the targets leave the public page, stay approved, and may be published again; audited with the reason. */
export async function withdrawTargetsPublication(deps: CommandDeps, who: ActingInput, input: { documentId: number; reason: string }): Promise<TargetWorkflowDto> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_INPUT', '撤回公开需要写明理由，例如：公开的金额有误，更正后重新公开。');
  await deps.store.transaction(async (tx) => {
    let before: number | null = null;
    await tx.workflow.withdrawTargetsPublication(input.documentId, actedBy(who.actor), reason, (current) => {
      before = current.publishedVersion;
      const decided = decideWithdrawTargetsPublication(current, who.actor, current.publishedVersion);
      if (!decided.ok) throw refusalError(decided);
    });
    await recordChange(tx.audit, who, { action: 'workflow.withdraw-publication', objectType: 'document', objectId: input.documentId, before: { publishedVersion: before }, after: { publishedVersion: null, reason } });
  });
  return getTargetWorkflow(deps, { documentId: input.documentId, actor: who.actor });
}

