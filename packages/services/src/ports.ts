/**
 * What the use cases need from the outside world, as narrow interfaces. The store implements them on
 * PGlite or PostgreSQL; tests may implement them in memory. Reads and writes are kept apart: writes happen
 * only through `DocumentStore.saveImport`, which is one transaction.
 */
import type { DepartmentDto, DocumentSummaryDto, IndicatorDto, ProjectDetailDto, ProjectDto, SearchQuery, UnitDto } from '@jixiao/contract';
import type { Finding, PerformanceDocument } from '@jixiao/core';

export type ImportStatus = 'created' | 'new-version' | 'unchanged';

export interface ImportOutcome {
  status: ImportStatus;
  documentId: number;
  version: number;
  departmentId: number | null;
  projectCount: number;
  indicatorCount: number;
}

export interface SaveImportInput {
  document: PerformanceDocument;
  /** The budget year the document is stored under (the document's own, or the one given on import). */
  year: number;
  fileName: string;
  sha256: string;
  /** Who made this version (the importer or the editor), kept as `document_versions.created_by`. */
  createdBy?: string | null;
  /**
   * Called inside the import transaction, under the document's row lock, when the document exists already, with its
   * workflow (decision 011); throws to refuse (a save based on a stale version, a frozen document). Synchronous.
   */
  guard?: (current: import('./workflow/ports').StoredTargetWorkflow) => void;
}

export interface DocumentStore {
  /**
   * Stores a parsed document in one transaction. The same content (sha256) as the current version of the same
   * document changes nothing; different content makes a new version and keeps the old one.
   */
  saveImport(input: SaveImportInput): Promise<ImportOutcome>;
  listDocuments(filter?: { departmentId?: number; year?: number } & InScope): Promise<DocumentSummaryDto[]>;
  /** Throws NOT_FOUND. `version` defaults to the current one. */
  getDocument(documentId: number, version?: number): Promise<{ summary: DocumentSummaryDto; document: PerformanceDocument }>;
}

/**
 * The signed-in actor's scope on a list (decision 010): only rows of these departments. Absent = every department
 * (district-wide roles, the CLI). Rows of no department are outside any given list.
 */
export interface InScope {
  inDepartments?: readonly number[];
}

export interface CatalogQueries {
  listDepartments(query: Pick<SearchQuery, 'search' | 'year'> & InScope): Promise<DepartmentDto[]>;
  getDepartment(id: number): Promise<DepartmentDto>;
  listUnits(query: { departmentId: number; search?: string }): Promise<UnitDto[]>;
  listProjects(query: SearchQuery & InScope): Promise<{ items: ProjectDto[]; total: number }>;
  getProject(id: number): Promise<ProjectDetailDto>;
  listIndicators(query: SearchQuery & { projectId?: number } & InScope): Promise<{ items: IndicatorDto[]; total: number }>;
}

/** What a reviewer said (decision 006), as stored: one row per decision, append-only, oldest first. */
export type ReviewDecisionType = 'accept' | 'dismiss' | 'add' | 'override';

export interface StoredReviewDecision {
  id: number;
  documentId: number;
  /** The document version the reviewer was looking at. */
  version: number;
  type: ReviewDecisionType;
  findingKey: string | null;
  reason: string | null;
  /** The added finding (`add`). */
  finding: Finding | null;
  conclusion: string | null;
  by: string;
  /** ISO 8601, UTC. */
  at: string;
}

export interface NewReviewDecision {
  documentId: number;
  version: number;
  type: ReviewDecisionType;
  findingKey?: string;
  reason?: string;
  finding?: Finding;
  conclusion?: string;
  by: string;
}

export interface ReviewStore {
  /** Every decision on the document (all versions), oldest first. */
  listDecisions(documentId: number): Promise<StoredReviewDecision[]>;
  /** Appends a decision; the time is the database's. Throws NOT_FOUND when the document has no such version. */
  saveDecision(input: NewReviewDecision): Promise<StoredReviewDecision>;
}

/** A monitoring report (`period` `YYYY-MM`) or a year-end self-evaluation (`period` `YYYY`) against a target version. */
export type EvaluationKind = 'monitoring' | 'self-evaluation';
export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'done';

export interface StoredEvaluation {
  id: number;
  documentId: number;
  /** The version of the target document whose targets are evaluated (frozen for this evaluation). */
  targetVersion: number;
  kind: EvaluationKind;
  period: string;
  status: EvaluationStatus;
  /** What the unit entered, shaped by the contract of its kind; `{}` when nothing yet. */
  entries: unknown;
  /** The edited sections of the 自评报告 draft; null until edited. */
  report: unknown;
  /** Bumped by every save (lost-update check). */
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  /** ISO 8601, UTC. */
  updatedAt: string;
}

export interface StoredEvaluationScore {
  id: number;
  evaluationId: number;
  evaluationRevision: number;
  ruleSet: { id: string; version: number };
  total: number | null;
  grade: string | null;
  /** The whole scoring result with its reasons, as the core returned it. */
  result: unknown;
  scoredBy: string;
  scoredAt: string;
}

export interface EvaluationStore {
  listEvaluations(filter?: { documentId?: number; kind?: EvaluationKind }): Promise<StoredEvaluation[]>;
  /** Throws NOT_FOUND. */
  getEvaluation(id: number): Promise<StoredEvaluation>;
  findEvaluation(documentId: number, kind: EvaluationKind, period: string): Promise<StoredEvaluation | null>;
  /** Throws NOT_FOUND (no such document version) or CONFLICT (one already exists for the document, kind and period). */
  createEvaluation(input: { documentId: number; targetVersion: number; kind: EvaluationKind; period: string; entries: unknown; by: string }): Promise<StoredEvaluation>;
  /**
   * Saves what changed when `baseRevision` is still the current revision, and bumps it; otherwise throws CONFLICT
   * naming who saved last and when (details: `{ revision, updatedBy, updatedAt }`), and changes nothing.
   */
  saveEvaluation(input: { id: number; baseRevision: number; entries?: unknown; report?: unknown; status?: EvaluationStatus; by: string }): Promise<StoredEvaluation>;
  /** Appends a score row (the evaluation's revision and the rule set `id@version` that produced it). */
  saveScore(input: Omit<StoredEvaluationScore, 'id' | 'scoredAt'>): Promise<StoredEvaluationScore>;
  /** Every score kept for the evaluation, oldest first. */
  listScores(evaluationId: number): Promise<StoredEvaluationScore[]>;
}

/** One change, as the audit trail keeps it (issue 5): append-only, never updated or deleted. */
export interface AuditEntry {
  /** Who: null userId for the system itself (demo seeding, migrations). */
  actor: { userId: number | null; username: string; displayName: string };
  /** What was done, a stable verb: `document.import`, `evaluation.save`, `workflow.submit`, `user.create` … */
  action: string;
  objectType: string;
  objectId: string;
  /** The object (or the part that changed) before and after; null when it did not exist / no longer exists. */
  before: unknown;
  after: unknown;
  /** The HTTP request (X-Request-Id) or CLI invocation that made the change. */
  requestId: string | null;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  /** ISO 8601, UTC, the database's clock. */
  at: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<StoredAuditEntry>;
}

/** Reading the audit trail back (the audit page and its export), newest first. */
export interface AuditReader {
  listAudit(query: import('./access/ports').AuditQuery): Promise<{ items: StoredAuditEntry[]; total: number }>;
}
