/**
 * The workflow of a monitoring report or a self-evaluation (decision 011): its state, history and the actions the
 * signed-in person may take; a transition decided by the core under the evaluation's row lock with the period locks;
 * the check the entry pages run before a save; publishing a done self-evaluation's result (R12).
 */
import type { EvaluationWorkflowDto } from '@jixiao/contract';
import {
  availableEvaluationActions,
  decideEvaluationSave,
  decideEvaluationTransition,
  decidePublishEvaluation,
  decideWithdrawEvaluationPublication,
  chinaTime,
  EVALUATION_ACTION_LABELS,
  EVALUATION_REASON_REQUIRED_ACTIONS,
  EVALUATION_KIND_LABELS,
  EVALUATION_STATUS_LABELS,
  findLock,
  type Actor,
  type EvaluationAction,
  type EvaluationWorkflowState,
} from '@jixiao/core';
import { recordChange } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps, Repositories } from '../unit-of-work';
import type { WorkflowStore } from './ports';
import { actedBy, type StoredEvaluationWorkflow } from './ports';
import { refusalError, toTransitionDto, type ActingInput } from './workflow-common';

const core = (s: StoredEvaluationWorkflow): EvaluationWorkflowState => ({ kind: s.kind, period: s.period, status: s.status, revision: s.revision, departmentId: s.departmentId });

export async function getEvaluationWorkflow(deps: { store: { workflow: WorkflowStore } }, input: { evaluationId: number; actor: Actor }): Promise<EvaluationWorkflowDto> {
  const [state, locks, history] = await Promise.all([
    deps.store.workflow.getEvaluationWorkflow(input.evaluationId),
    deps.store.workflow.listPeriodLocks(),
    deps.store.workflow.listTransitions('evaluation', input.evaluationId),
  ]);
  const lock = findLock(locks, state.period);
  return {
    evaluationId: state.evaluationId,
    documentId: state.documentId,
    kind: state.kind,
    period: state.period,
    status: state.status,
    statusLabel: EVALUATION_STATUS_LABELS[state.status],
    revision: state.revision,
    locked: lock ? { period: lock.period, by: lock.by, at: lock.at, reason: lock.reason } : null,
    actions: availableEvaluationActions(core(state), input.actor, locks).map((action) => ({ action, label: EVALUATION_ACTION_LABELS[action], reasonRequired: EVALUATION_REASON_REQUIRED_ACTIONS.includes(action) })),
    canPublish: decidePublishEvaluation(core(state), input.actor, state.publishedAt !== null).ok,
    canWithdrawPublication: decideWithdrawEvaluationPublication(core(state), input.actor, state.publishedAt !== null).ok,
    publishedBy: state.publishedBy,
    publishedAt: state.publishedAt,
    history: history.map(toTransitionDto),
  };
}

/**
 * `baseRevision` (optional): the evaluation revision the caller checked (a submit checks completeness on it); a save
 * that landed in between is refused under the row lock (CONFLICT naming who saved), so what is submitted is what
 * was checked.
 */
export interface TransitionEvaluationInput {
  evaluationId: number;
  action: EvaluationAction;
  reason?: string | null;
  baseRevision?: number;
}

export async function transitionEvaluation(deps: CommandDeps, who: ActingInput, input: TransitionEvaluationInput): Promise<EvaluationWorkflowDto> {
  await deps.store.transaction((tx) => transitionEvaluationIn(tx, who, input));
  return getEvaluationWorkflow(deps, { evaluationId: input.evaluationId, actor: who.actor });
}

/** The transition and its audit entry on a transaction's repositories (a submit runs it together with its score). */
export async function transitionEvaluationIn(tx: Repositories, who: ActingInput, input: TransitionEvaluationInput): Promise<void> {
  const { state, transition } = await tx.workflow.transitionEvaluation(input.evaluationId, actedBy(who.actor), (current, locks) => {
    if (input.baseRevision !== undefined && current.revision !== input.baseRevision) {
      throw new AppError('CONFLICT', `未能办理：这份${EVALUATION_KIND_LABELS[current.kind]}已由 ${current.updatedBy} 于 ${chinaTime(current.updatedAt)} 修改（第 ${current.revision} 版），你看到的是第 ${input.baseRevision} 版。请重新载入后再办理。`, {
        revision: current.revision,
        updatedBy: current.updatedBy,
        updatedAt: current.updatedAt,
      });
    }
    const decided = decideEvaluationTransition(core(current), { action: input.action, actor: who.actor, reason: input.reason ?? null }, locks);
    if (!decided.ok) throw refusalError(decided, { by: current.updatedBy, at: current.updatedAt });
    return decided.record;
  });
  await recordChange(tx.audit, who, {
    action: `workflow.${state.kind}.${input.action}`,
    objectType: 'evaluation',
    objectId: input.evaluationId,
    before: { status: transition.from },
    after: { status: state.status, revision: state.revision, transition: transition.id, reason: transition.reason },
  });
}

/**
 * For the monitoring and self-evaluation entry pages: throws FORBIDDEN / CONFLICT (with who locked the period, or the
 * state and who acts next) unless this person may save the report now. The store's revision check still guards
 * against two saves at once.
 */
export async function checkEvaluationSave(deps: { store: { workflow: WorkflowStore } }, input: { evaluationId: number; actor: Actor }): Promise<void> {
  const [state, locks] = await Promise.all([deps.store.workflow.getEvaluationWorkflow(input.evaluationId), deps.store.workflow.listPeriodLocks()]);
  const decided = decideEvaluationSave(core(state), input.actor, locks);
  if (!decided.ok) throw refusalError(decided, { by: state.updatedBy, at: state.updatedAt });
}

/** Would this person's `action` be allowed now? Throws the refusal (state, lock, role, scope) without changing anything. */
export async function checkEvaluationTransition(deps: { store: { workflow: WorkflowStore } }, input: { evaluationId: number; actor: Actor; action: EvaluationAction; reason?: string | null }): Promise<void> {
  const [state, locks] = await Promise.all([deps.store.workflow.getEvaluationWorkflow(input.evaluationId), deps.store.workflow.listPeriodLocks()]);
  const decided = decideEvaluationTransition(core(state), { action: input.action, actor: input.actor, reason: input.reason ?? null }, locks);
  if (!decided.ok) throw refusalError(decided, { by: state.updatedBy, at: state.updatedAt });
}

/** 撤回公开 of a self-evaluation result: off the public page, still accepted, may be published again; audited with the reason. */
export async function withdrawEvaluationPublication(deps: CommandDeps, who: ActingInput, input: { evaluationId: number; reason: string }): Promise<EvaluationWorkflowDto> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_INPUT', '撤回公开需要写明理由，例如：自评得分有误，更正后重新公开。');
  await deps.store.transaction(async (tx) => {
    let before: { publishedBy: string | null; publishedAt: string | null } = { publishedBy: null, publishedAt: null };
    await tx.workflow.withdrawEvaluationPublication(input.evaluationId, actedBy(who.actor), reason, (current) => {
      before = { publishedBy: current.publishedBy, publishedAt: current.publishedAt };
      const decided = decideWithdrawEvaluationPublication(core(current), who.actor, current.publishedAt !== null);
      if (!decided.ok) throw refusalError(decided);
    });
    await recordChange(tx.audit, who, { action: 'workflow.withdraw-publication', objectType: 'evaluation', objectId: input.evaluationId, before, after: { publishedAt: null, reason } });
  });
  return getEvaluationWorkflow(deps, { evaluationId: input.evaluationId, actor: who.actor });
}

export async function publishEvaluation(deps: CommandDeps, who: ActingInput, input: { evaluationId: number }): Promise<EvaluationWorkflowDto> {
  await deps.store.transaction(async (tx) => {
    const state = await tx.workflow.publishEvaluation(input.evaluationId, actedBy(who.actor), (current) => {
      const decided = decidePublishEvaluation(core(current), who.actor, current.publishedAt !== null);
      if (!decided.ok) throw refusalError(decided, { by: current.publishedBy, at: current.publishedAt });
    });
    await recordChange(tx.audit, who, { action: 'workflow.publish', objectType: 'evaluation', objectId: input.evaluationId, before: null, after: { publishedBy: state.publishedBy, publishedAt: state.publishedAt } });
  });
  return getEvaluationWorkflow(deps, { evaluationId: input.evaluationId, actor: who.actor });
}
