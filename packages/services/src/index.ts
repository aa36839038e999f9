/**
 * @jixiao/services: the use cases, one folder per feature; each folder's index names what it offers the edges.
 */
export { AppError } from './errors';
export type { AppErrorCode } from './errors';
export type { ImportOutcome, SaveImportInput, DocumentStore, DocumentSummary, DocumentQuery, PackedImport, InScope, CatalogQueries, AmountTotals, CatalogDepartment, CatalogUnit, CatalogProject, CatalogIndicator, CatalogPage, LibraryIndicator, StoredTargetBenchmark, ReviewDecisionType, StoredReviewDecision, NewReviewDecision, ReviewStore, EvaluationKind, EvaluationStatus, StoredEvaluation, StoredEvaluationScore, EvaluationStore, AuditEntry, StoredAuditEntry, AuditLog, AuditReader } from './ports';
export type { CommandDeps, Repositories, TransactionalStore, UnitOfWork } from './unit-of-work';
export * from './access';
export * from './catalog';
export * from './demo';
export * from './disclosure';
export * from './documents';
export * from './jobs';
export * from './monitoring';
export * from './output-formats';
export * from './review';
export * from './rule-sets';
export * from './self-evaluation';
export * from './workflow';
export * from './workbench';
export * from './results-use';
export * from './dashboard';
export * from './rectification';
