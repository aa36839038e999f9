/**
 * What the use cases need from the outside world, as narrow interfaces. The store implements them on
 * PGlite or PostgreSQL; tests may implement them in memory. Reads and writes are kept apart: writes happen
 * only through `DocumentStore.saveImport`, which is one transaction.
 */
import type { SearchQuery } from '@jixiao/contract';
import type { AmountUnit, DocumentKind, Finding, Indicator, PerformanceDocument, TargetStatus, EvaluationWorkflowStatus } from '@jixiao/core';

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
  /**
   * The rows, the compressed JSON and the COPY lines, made by `DocumentStore.packImport` before the transaction
   * opened (issue 12 item 7: on PGlite's one connection, CPU work inside the transaction holds every other request).
   * Without it `saveImport` packs them itself (outside its own transaction, inside a caller's).
   */
  packed?: PackedImport;
}

/** What `packImport` made of a document: opaque outside the store. */
export interface PackedImport {
  readonly packedFor: PerformanceDocument;
}

/** `GET /api/documents`: a page of the stored documents, filtered in SQL (issue 12 item 1). */
export interface DocumentQuery extends InScope {
  departmentId?: number;
  year?: number;
  /** Words in the title, the department's name or the file name (ILIKE, taken literally). */
  search?: string;
  /** The target documents (项目/部门绩效目标) or the self-evaluation documents. */
  kind?: 'targets' | 'self-evaluations';
  /** Target documents in this workflow status (a document that never moved is 草稿). */
  status?: TargetStatus;
  documentId?: number;
  /** `id` (default; keyset with `after`), `recent` (newest version first) or `department` (by department, then id). */
  order?: 'id' | 'recent' | 'department';
  limit: number;
  offset?: number;
  /** Keyset in id order: the documents after this id (`order` id only; the offset is then ignored). */
  after?: number;
}

/**
 * A stored document at one version (the current one unless asked), as the store knows it. The wire's
 * `DocumentSummaryDto` is built from it by `documents/present.ts`, not by the store.
 */
export interface DocumentSummary {
  id: number;
  kind: DocumentKind;
  title: string;
  departmentId: number | null;
  /** The department's name (null for a document of no department). */
  department: string | null;
  year: number | null;
  fileName: string | null;
  layout: string;
  version: number;
  versionCount: number;
  sha256: string;
  /** ISO 8601, UTC. */
  importedAt: string;
  projectCount: number;
  indicatorCount: number;
  problemCount: number;
  /** The budget units of this version's projects, by name, sorted. */
  unitNames: string[];
  /** Who made this version; null before sign-in existed. */
  importedBy: string | null;
  /** Target documents: the workflow status (草稿 when it never moved); null for self-evaluation documents. */
  targetStatus: TargetStatus | null;
  /** Target documents: the approved version monitoring and self-evaluation read; null until first approved (R9). */
  approvedVersion: number | null;
}

export interface DocumentStore {
  /**
   * Stores a parsed document in one transaction. The same content (sha256) as the current version of the same
   * document changes nothing; different content makes a new version and keeps the old one.
   */
  saveImport(input: SaveImportInput): Promise<ImportOutcome>;
  /** Every document in id order (the command line's export, tests); `limit` and `after` page by keyset. The API pages with `pageDocuments`. */
  listDocuments(filter?: { departmentId?: number; year?: number; limit?: number; after?: number } & InScope): Promise<DocumentSummary[]>;
  /** A page of the documents the query selects, and how many it selects (a count of `documents` rows: one per document, not per project). */
  pageDocuments(query: DocumentQuery): Promise<{ items: DocumentSummary[]; total: number }>;
  /** The CPU-bound part of an import (flattened rows, gzipped JSON, COPY lines), made before any transaction opens. */
  packImport(document: PerformanceDocument, year: number): PackedImport;
  /** Throws NOT_FOUND. `version` defaults to the current one. */
  getDocument(documentId: number, version?: number): Promise<{ summary: DocumentSummary; document: PerformanceDocument }>;
}

/**
 * The signed-in actor's scope on a list (decision 010): only rows of these departments. Absent = every department
 * (district-wide roles, the CLI). Rows of no department are outside any given list.
 */
export interface InScope {
  inDepartments?: readonly number[];
}

/**
 * Sums of the current projects' amounts, exact (SQL numeric, as decimal text): `sum` in the projects' own units,
 * `sumInWan` with every 元 amount converted to 万元. Which one is shown, and in which unit, is the presenter's call
 * (`catalog/present.ts`): 元 when every amount is in 元, else 万元.
 */
export interface AmountTotals {
  /** How many projects have an amount. */
  count: number;
  /** Every project counted is in 元 (false when there are none). */
  allYuan: boolean;
  sum: string | null;
  sumInWan: string | null;
}

/** A department of the org tree with what its current documents hold. */
export interface CatalogDepartment {
  id: number;
  name: string;
  unitCount: number;
  projectCount: number;
  indicatorCount: number;
  amounts: AmountTotals;
  /** Budget years it has documents for, ascending. */
  years: number[];
}

export interface CatalogUnit {
  id: number;
  departmentId: number;
  name: string;
  code: string | null;
  projectCount: number;
  amounts: AmountTotals;
}

/** A project of a current document version, with its unit's and department's names. */
export interface CatalogProject {
  id: number;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  documentId: number;
  year: number | null;
  no: number | null;
  name: string;
  code: string | null;
  /** Exact decimal text in `amountUnit`, as stored. */
  amount: string | null;
  amountUnit: AmountUnit;
  category: string | null;
  description: string | null;
  goal: string | null;
  indicatorCount: number;
}

/** An indicator of the catalog: the model's fields as stored, with its row and project ids. */
export interface CatalogIndicator extends Pick<Indicator, 'no' | 'level1' | 'level1Code' | 'level2' | 'level2Code' | 'name' | 'periodTarget' | 'annualTarget' | 'direction'> {
  id: number;
  projectId: number | null;
  explanation: string | null;
  formula: string | null;
}

/**
 * One entry of the indicator library (指标库, issue 13 item 4): an indicator as approved targets name it — the same
 * name, levels and unit — with how often it was set, in how many departments and years, and the spread of its
 * numeric annual target values (exact SQL numerics as decimal text; null without two values to spread).
 */
export interface LibraryIndicator {
  name: string;
  level1: string | null;
  level2: string | null;
  unit: string | null;
  direction: string | null;
  count: number;
  departments: number;
  years: number[];
  /** Targets with a numeric value, and their quartiles. */
  valued: number;
  min: string | null;
  p25: string | null;
  median: string | null;
  p75: string | null;
  max: string | null;
}

/** The spread of one indicator's numeric annual targets (name + the target's unit) in the approved targets: decimal text. */
export interface StoredTargetBenchmark {
  name: string;
  /** '' when the target has no unit. */
  unit: string;
  count: number;
  departments: number;
  min: string;
  p25: string;
  median: string;
  p75: string;
  max: string;
}

export interface CatalogPage<T> {
  items: T[];
  total: number;
}

/** The browse reads. Records, not wire DTOs: `catalog/` presents them (services' catalog queries). */
export interface CatalogQueries {
  /**
   * Departments by id and name only, by name (of `inDepartments` when given): one indexed read, for the department
   * check of an upload, the demo accounts and the CLI — never the totals of `listDepartments`.
   */
  listDepartmentNames(scope?: InScope): Promise<Array<{ id: number; name: string }>>;
  listDepartments(query: Pick<SearchQuery, 'search' | 'year'> & InScope): Promise<CatalogDepartment[]>;
  /** Throws NOT_FOUND. */
  getDepartment(id: number): Promise<CatalogDepartment>;
  listUnits(query: { departmentId: number; search?: string }): Promise<CatalogUnit[]>;
  listProjects(query: SearchQuery & InScope): Promise<CatalogPage<CatalogProject>>;
  /** Throws NOT_FOUND (also for a project of a replaced version). */
  getProject(id: number): Promise<CatalogProject & { indicators: CatalogIndicator[] }>;
  listIndicators(query: SearchQuery & { projectId?: number } & InScope): Promise<CatalogPage<CatalogIndicator>>;
  /** The library over every department's approved targets (their approved versions), most often set first. */
  indicatorLibrary(query: { search?: string; level2?: string; limit: number }): Promise<LibraryIndicator[]>;
  /**
   * For the review's `target-outlier` check: the spread of these indicator names' numeric annual targets in every
   * department's approved versions, by name and unit, leaving out the document under review itself.
   */
  targetBenchmarks(query: { names: readonly string[]; excludeDocumentId: number }): Promise<StoredTargetBenchmark[]>;
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
export type EvaluationStatus = EvaluationWorkflowStatus;

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

/** An evaluation in a list, with what the list shows of its target document (joined in the store, not loaded). */
export interface ListedEvaluation extends StoredEvaluation {
  documentTitle: string;
  documentKind: DocumentKind;
  /** The target document's department; null for a document of no department. */
  department: string | null;
}

export interface EvaluationStore {
  /** Evaluations of the documents in scope (`inDepartments`, applied in the query), by document, kind and period. */
  listEvaluations(filter?: { documentId?: number; kind?: EvaluationKind } & InScope): Promise<ListedEvaluation[]>;
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
  /** A page newest first, and how many entries match, counted up to `AUDIT_COUNT_LIMIT` (`capped` when more do). */
  listAudit(query: import('./access/ports').AuditQuery): Promise<{ items: StoredAuditEntry[]; total: number; capped: boolean }>;
}
