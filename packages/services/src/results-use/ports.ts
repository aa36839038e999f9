/**
 * What results use (R11) needs of the store: the finance reviewer's decisions on next year's budget suggestions,
 * append-only (the latest per project counts, the earlier ones are the history). The projects' open rectification
 * items are the rectification store's (`results-rows.ts`).
 */
import type { ResultsUseDecisionKind } from '@jixiao/core';

/** A project of a year-N target document: the document and the project's position in the evaluated version (`u0.p3`, `d` for a department). */
export interface ResultsUseProjectRef {
  documentId: number;
  projectKey: string;
}

export interface StoredResultsUseDecision extends ResultsUseProjectRef {
  id: number;
  /** Names as they were when decided (the history stays readable after a re-import). */
  unit: string;
  project: string;
  kind: ResultsUseDecisionKind;
  /** The suggestion the system gave when the decision was made (null when it had none). */
  computed: string | null;
  /** The decided suggestion. */
  suggestion: string;
  reason: string;
  ruleSet: { id: string; version: number };
  /** The results the suggestion was drawn from at that moment (grades, score, open rectification items). */
  basis: unknown;
  by: string;
  /** ISO 8601, UTC. */
  at: string;
}

export type NewResultsUseDecision = Omit<StoredResultsUseDecision, 'id' | 'at'>;

/** An open rectification item of a project, as results use reads it (from the rectification store, by project name). */
export interface OpenRectificationItem extends ResultsUseProjectRef {
  title: string;
}

export interface ResultsUseStore {
  /** The decisions on these documents' projects, oldest first. */
  listDecisions(filter: { documentIds: readonly number[] }): Promise<StoredResultsUseDecision[]>;
  /** Appends one decision; throws NOT_FOUND when the document does not exist. */
  saveDecision(input: NewResultsUseDecision): Promise<StoredResultsUseDecision>;
}
