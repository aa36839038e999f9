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
}

export interface DocumentStore {
  /**
   * Stores a parsed document in one transaction. The same content (sha256) as the current version of the same
   * document changes nothing; different content makes a new version and keeps the old one.
   */
  saveImport(input: SaveImportInput): Promise<ImportOutcome>;
  listDocuments(filter?: { departmentId?: number; year?: number }): Promise<DocumentSummaryDto[]>;
  /** Throws NOT_FOUND. `version` defaults to the current one. */
  getDocument(documentId: number, version?: number): Promise<{ summary: DocumentSummaryDto; document: PerformanceDocument }>;
}

export interface CatalogQueries {
  listDepartments(query: Pick<SearchQuery, 'search' | 'year'>): Promise<DepartmentDto[]>;
  getDepartment(id: number): Promise<DepartmentDto>;
  listUnits(query: { departmentId: number; search?: string }): Promise<UnitDto[]>;
  listProjects(query: SearchQuery): Promise<{ items: ProjectDto[]; total: number }>;
  getProject(id: number): Promise<ProjectDetailDto>;
  listIndicators(query: SearchQuery & { projectId?: number }): Promise<{ items: IndicatorDto[]; total: number }>;
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
