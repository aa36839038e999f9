/**
 * What the dashboard (数据看板, issue 13 item 3) reads from the store: set-based reads over the person's departments
 * (`InScope`, applied in SQL) and, when drilled down, one department. Each is one statement: no read per document.
 */
import type { DocumentKind, PerformanceDocument } from '@jixiao/core';
import type { InScope, StoredReviewDecision } from '../ports';

export interface DashboardFilter extends InScope {
  /** One department (the drill-down); absent = every department in scope. */
  departmentId?: number;
}

/** A project of a document's current version, to link a row to its page. */
export interface DashboardProjectRef {
  id: number;
  unit: string;
  name: string;
}

/** A current document with its content. */
export interface DashboardDocument {
  id: number;
  kind: DocumentKind;
  title: string;
  departmentId: number;
  department: string;
  year: number;
  version: number;
  sha256: string;
  document: PerformanceDocument;
  projects: DashboardProjectRef[];
}

/** A target document's latest monitoring report (the latest cut-off month), with the target version it monitors. */
export interface DashboardMonitoring {
  evaluationId: number;
  documentId: number;
  title: string;
  departmentId: number;
  department: string;
  period: string;
  entries: unknown;
  /** The target version monitored (frozen when the report was started). */
  document: PerformanceDocument;
  /** The projects of the document's current version (links; matched by unit and name). */
  projects: DashboardProjectRef[];
}

/** The latest kept score of a self-evaluation. */
export interface DashboardKeptScore {
  evaluationId: number;
  documentId: number;
  title: string;
  departmentId: number;
  department: string;
  /** The self-evaluation's year (its period). */
  year: number;
  total: number | null;
  grade: string | null;
}

export interface DashboardQueries {
  /** Years that have documents in scope, ascending. */
  dashboardYears(filter: DashboardFilter): Promise<number[]>;
  /** Current documents of these kinds and years in scope, most recently changed first, at most `limit`, with how many there are. */
  dashboardDocuments(query: DashboardFilter & { years: number[]; kinds: DocumentKind[]; limit: number }): Promise<{ items: DashboardDocument[]; total: number }>;
  /** For each target document of the year in scope, its monitoring report of the latest cut-off month. */
  latestMonitoring(query: DashboardFilter & { year: number }): Promise<DashboardMonitoring[]>;
  /** The latest kept score of every self-evaluation of these years in scope. */
  keptScores(query: DashboardFilter & { years: number[] }): Promise<DashboardKeptScore[]>;
  /** Every reviewer decision on these documents, oldest first. */
  reviewDecisionsOf(documentIds: readonly number[]): Promise<StoredReviewDecision[]>;
}
