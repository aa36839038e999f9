/**
 * One change, one transaction (issue 11): a services command checks, decides, writes and appends its audit entry on
 * the repositories `transaction` hands it, all bound to one database transaction — the change and its audit entry
 * are stored together or not at all. Inside `work`, only `tx` may be used: on PGlite (one connection) the outer
 * store would wait for the transaction forever (the store refuses that at once, naming the mistake).
 */
import type { ScopeLookup, SessionStore, SignInFailureStore, UserStore } from './access/ports';
import type { DashboardQueries } from './dashboard/ports';
import type { DocumentWithdrawal } from './documents/withdraw-document';
import type { JobStore } from './jobs/ports';
import type { AuditLog, AuditReader, CatalogQueries, DocumentStore, EvaluationStore, ReviewStore } from './ports';
import type { MonitoringWarningStore } from './monitoring/warning-ports';
import type { ResultsUseStore } from './results-use/ports';
import type { AttachmentStore, RectificationStore } from './rectification/ports';
import type { RuleSetStore } from './rule-sets/rule-sets';
import type { WorkflowStore } from './workflow/ports';

/** Every repository of the store, bound to one database handle: the store's own, or one transaction's. */
export interface Repositories {
  documents: DocumentStore;
  catalog: CatalogQueries;
  reviews: ReviewStore;
  ruleSets: RuleSetStore;
  evaluations: EvaluationStore;
  users: UserStore;
  sessions: SessionStore;
  signInFailures: SignInFailureStore;
  audit: AuditLog & AuditReader;
  workflow: WorkflowStore;
  scope: ScopeLookup;
  withdrawal: DocumentWithdrawal;
  jobs: JobStore;
  resultsUse: ResultsUseStore;
  dashboard: DashboardQueries;
  rectifications: RectificationStore;
  attachments: AttachmentStore;
  monitoringWarnings: MonitoringWarningStore;
}

export interface UnitOfWork {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the error is passed
   * on). Called on a transaction's repositories it nests as a savepoint.
   */
  transaction<T>(work: (tx: TransactionalStore) => Promise<T>): Promise<T>;
}

/** What the commands take: the repositories and the means to open a transaction on them. */
export type TransactionalStore = Repositories & UnitOfWork;

/** The dependencies of a command. */
export interface CommandDeps {
  store: TransactionalStore;
}
