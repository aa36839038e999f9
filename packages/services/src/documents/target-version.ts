/**
 * Which version of a target document a monitoring report or a self-evaluation is measured against (R9: an approved
 * target is frozen; decision 011): the approved version once there is one — also while an adjustment of it is being
 * edited or reviewed. Targets never approved cannot be monitored or self-evaluated (core `decideEvaluationStart`);
 * a self-evaluation table imported as such is read at its current version.
 */
import { decideEvaluationStart, type EvaluationWorkflowKind } from '@jixiao/core';
import type { DocumentStore } from '../ports';
import type { WorkflowStore } from '../workflow/ports';
import { refusalError } from '../workflow/workflow-common';

type Deps = { store: { workflow: WorkflowStore } };

/** Throws NOT_FOUND for an unknown document. */
export async function resolveTargetVersion(deps: Deps, documentId: number): Promise<number> {
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  return state.approvedVersion ?? state.currentVersion;
}

/**
 * The targets to measure against and their version, or CONFLICT when they were never approved (the message says what
 * to do). Throws NOT_FOUND for an unknown document.
 */
export async function targetsToEvaluate(deps: Deps & { store: { documents: DocumentStore } }, documentId: number, kind: EvaluationWorkflowKind) {
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  const targetVersion = state.approvedVersion ?? state.currentVersion;
  const { summary, document } = await deps.store.documents.getDocument(documentId, targetVersion);
  const decided = decideEvaluationStart({ kind, documentKind: document.kind, targetStatus: state.status, approvedVersion: state.approvedVersion });
  if (!decided.ok) throw refusalError(decided);
  return { targetVersion, summary, document };
}
