/**
 * What the use cases need from the outside world, as narrow interfaces. The store implements them on
 * PGlite or PostgreSQL; tests may implement them in memory. Reads and writes are kept apart: writes happen
 * only through `DocumentStore.saveImport`, which is one transaction.
 */
import type { DepartmentDto, DocumentSummaryDto, IndicatorDto, ProjectDetailDto, ProjectDto, SearchQuery, UnitDto } from '@jixiao/contract';
import type { PerformanceDocument } from '@jixiao/core';

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
