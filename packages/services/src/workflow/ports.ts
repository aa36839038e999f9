/**
 * What the workflow use cases need from the store (decision 011). Every state change runs the core's decision inside
 * the store's transaction, under the object's row lock, so two people acting at once can never both win: the
 * second one's `decide` sees the state the first one left and is refused.
 */
import type { Actor, DocumentKind, PeriodLock, PerformanceDocument, TargetWorkflowState, TransitionRecord } from '@jixiao/core';
import type { EvaluationKind, EvaluationStatus, InScope } from '../ports';

/** Who acted, as a transition or a lock keeps it (names copied, so the history survives a renamed user). */
export interface ActedBy {
  username: string;
  displayName: string;
  role: string;
}

export interface StoredTransition extends TransitionRecord {
  id: number;
  objectType: 'document' | 'evaluation';
  objectId: number;
  by: ActedBy;
  /** ISO 8601, UTC. */
  at: string;
}

/** A target document's workflow as stored, with what the messages and the page need around it. */
export interface StoredTargetWorkflow extends TargetWorkflowState {
  documentId: number;
  /** Bumped by every transition. */
  revision: number;
  /** Who moved it last and when (null before the first transition). */
  updatedBy: string | null;
  updatedAt: string | null;
  /** Who made the current version and when (the "who changed it" of a stale save). */
  currentVersionBy: string | null;
  currentVersionAt: string;
  publishedVersion: number | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

/** An evaluation's workflow as stored. */
export interface StoredEvaluationWorkflow {
  evaluationId: number;
  documentId: number;
  departmentId: number | null;
  kind: EvaluationKind;
  period: string;
  status: EvaluationStatus;
  revision: number;
  updatedBy: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** A target document in a list of work (待办): its workflow with what the list shows of it. */
export interface ListedTargetWorkflow extends StoredTargetWorkflow {
  title: string;
  kind: DocumentKind;
  department: string | null;
  year: number | null;
}

/** A monitoring report or self-evaluation in a list of work, with its target document's title, department and year. */
export interface ListedEvaluationWorkflow extends StoredEvaluationWorkflow {
  documentTitle: string;
  department: string | null;
  year: number | null;
}

export type TargetDecide = (state: StoredTargetWorkflow) => { next: TargetWorkflowState; record: TransitionRecord };
export type EvaluationDecide = (state: StoredEvaluationWorkflow, locks: readonly PeriodLock[]) => TransitionRecord;

/** One published item on the public page (R12). */
export interface PublishedItem {
  type: 'targets' | 'self-evaluation';
  documentId: number;
  /** The evaluation (self-evaluation results). */
  evaluationId: number | null;
  title: string;
  departmentId: number | null;
  department: string | null;
  year: number | null;
  /** Targets: the published (approved) document version; results: the evaluation's period. */
  version: number;
  period: string | null;
  projectCount: number;
  indicatorCount: number;
  /** Results: the latest score's total and grade (null when never scored). */
  total: number | null;
  grade: string | null;
  publishedBy: string;
  publishedAt: string;
}

export interface PublicQuery {
  search?: string;
  departmentId?: number;
  year?: number;
}

export interface WorkflowStore {
  /** Throws NOT_FOUND. A document that never moved answers its initial state (draft, round 1). */
  getTargetWorkflow(documentId: number): Promise<StoredTargetWorkflow>;
  /** The target documents (project and department targets) of the departments in scope, each with its workflow, by id. */
  listTargetWorkflows(scope: InScope): Promise<ListedTargetWorkflow[]>;
  /** The monitoring reports and self-evaluations of the documents in scope, each with its workflow, by id. */
  listEvaluationWorkflows(scope: InScope): Promise<ListedEvaluationWorkflow[]>;
  /** Locks the document, calls `decide` (which throws to refuse) and stores the next state and the transition. */
  transitionTarget(documentId: number, by: ActedBy, decide: TargetDecide): Promise<{ state: StoredTargetWorkflow; transition: StoredTransition }>;
  /** Throws NOT_FOUND. */
  getEvaluationWorkflow(evaluationId: number): Promise<StoredEvaluationWorkflow>;
  /** Locks the evaluation, calls `decide` with the period locks, sets the status and bumps the revision. */
  transitionEvaluation(evaluationId: number, by: ActedBy, decide: EvaluationDecide): Promise<{ state: StoredEvaluationWorkflow; transition: StoredTransition }>;
  listTransitions(objectType: 'document' | 'evaluation', objectId: number): Promise<StoredTransition[]>;
  /** The lock history, oldest first. */
  listPeriodLocks(): Promise<PeriodLock[]>;
  /** Serialised with other lock changes; `decide` sees the history and throws to refuse. */
  setPeriodLock(input: { period: string; locked: boolean; by: ActedBy }, decide: (locks: readonly PeriodLock[]) => { reason: string | null }): Promise<PeriodLock>;
  /** Publishes a version of a target document (`decide` answers which, or throws). */
  publishTargets(documentId: number, by: ActedBy, decide: (state: StoredTargetWorkflow) => number): Promise<StoredTargetWorkflow>;
  /** Takes the published targets off the public page (`decide` throws to refuse); the history keeps both rows. */
  withdrawTargetsPublication(documentId: number, by: ActedBy, reason: string, decide: (state: StoredTargetWorkflow) => void): Promise<StoredTargetWorkflow>;
  publishEvaluation(evaluationId: number, by: ActedBy, decide: (state: StoredEvaluationWorkflow) => void): Promise<StoredEvaluationWorkflow>;
  /** Takes a published self-evaluation off the public page (`decide` throws to refuse); the history keeps both rows. */
  withdrawEvaluationPublication(evaluationId: number, by: ActedBy, reason: string, decide: (state: StoredEvaluationWorkflow) => void): Promise<StoredEvaluationWorkflow>;
  /** Everything published, newest first; `search` matches the title, the department and the published projects' names. */
  listPublished(query: PublicQuery): Promise<PublishedItem[]>;
  /** The published version's content; NOT_FOUND when the document has published nothing. */
  getPublishedTargets(documentId: number): Promise<{ item: PublishedItem; document: PerformanceDocument }>;
  /** A published (and accepted) self-evaluation with its latest kept score's whole result; NOT_FOUND otherwise. */
  getPublishedSelfEvaluation(evaluationId: number): Promise<{ item: PublishedItem; result: unknown }>;
}

/** From an `Actor` to what the history keeps. */
export function actedBy(actor: Actor): ActedBy {
  return { username: actor.username, displayName: actor.displayName, role: actor.role };
}
