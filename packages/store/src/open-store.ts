/**
 * `openStore` — the one way to get a database (decision 001): PGlite in `<dataDir>/pgdata` by default, guarded by
 * `<dataDir>/jixiao.lock`; PostgreSQL (a `pg` pool) when `databaseUrl` is given. Migrations run on open.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TransactionalStore } from '@jixiao/services';
import { verifyAuditChain, type AuditChainReport, type VerifyOptions } from './audit-chain';
import { createAuditStore } from './audit-store';
import { createCatalogQueries } from './catalog';
import { createDashboardQueries } from './dashboard-store';
import { connectPglite, connectPostgres, migrationsFolder, migrationsFolderUpTo, type Connection, type Db, type PostgresSettings } from './db';
import { createDocumentStore } from './document-store';
import { createEvaluationStore } from './evaluation-store';
import { lockDataDir } from './lock';
import { createMonitoringWarningStore } from './monitoring-warning-store';
import { createResultsUseStore } from './results-use-store';
import { createAttachmentStore, createRectificationStore } from './rectification-store';
import { createReviewStore } from './review-store';
import { createRuleSetStore } from './rule-set-store';
import { createScopeLookup } from './scope-lookup';
import { createDocumentWithdrawal } from './withdraw-document';
import { createJobStore } from './job-store';
import { createSessionStore, createSignInFailureStore } from './session-store';
import { createUserStore } from './user-store';
import { createWorkflowStore } from './workflow-store';

export interface StoreOptions {
  /** PGlite data directory (created when missing). Default `./data`. Ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** `postgres://…`: use this PostgreSQL server instead of the embedded PGlite. */
  databaseUrl?: string;
  /** Apply only the first N migrations (a restore of an older backup); default all of them. */
  migrations?: number;
  /** PostgreSQL only: pool size (default 10) and statement timeout in ms (default none). */
  postgres?: PostgresSettings;
  /**
   * Tests (decision 017): a migrated PGlite `pgdata` (`pgliteTemplate()`) copied in when `<dataDir>/pgdata` does not
   * exist yet, instead of an initdb and every migration. The migrations still run after it (none are left to do).
   * Ignored with `migrations` (a restore builds an older schema) and on PostgreSQL.
   */
  pgliteTemplate?: string;
}

/** The store: every repository on the database, a transaction over them (a unit of work), and its upkeep. */
export interface Store extends TransactionalStore {
  kind: 'pglite' | 'postgres';
  /** Walks the audit trail's hash chain in id order (decision 013): intact, or the first entry that is not. */
  verifyAuditChain(options?: VerifyOptions): Promise<AuditChainReport>;
  close(): Promise<void>;
}

/** The PGlite files live in this sub-directory of the data dir; the lock file sits beside it. */
export const PGLITE_SUBDIR = 'pgdata';

/** Internal: the store plus its drizzle handle, for tests and maintenance scripts. */
export interface OpenedStore extends Store {
  db: Db;
}

export async function openStore(options: StoreOptions = {}): Promise<OpenedStore> {
  const folder = options.migrations === undefined ? migrationsFolder() : migrationsFolderUpTo(options.migrations);
  try {
    const { connection, release } = await connect(options, folder);
    return storeOn(connection, release);
  } finally {
    if (options.migrations !== undefined) rmSync(folder, { recursive: true, force: true });
  }
}

async function connect(options: StoreOptions, folder: string): Promise<{ connection: Connection; release?: () => void }> {
  if (options.databaseUrl) return { connection: await connectPostgres(options.databaseUrl, options.postgres ?? {}, folder) };
  const dataDir = resolve(options.dataDir ?? './data');
  const lock = lockDataDir(dataDir);
  try {
    const pgdata = join(dataDir, PGLITE_SUBDIR);
    // Under the lock, so nobody else is making this pgdata meanwhile.
    if (options.pgliteTemplate && options.migrations === undefined && !existsSync(pgdata)) cpSync(options.pgliteTemplate, pgdata, { recursive: true });
    return { connection: await connectPglite(pgdata, folder), release: lock.release };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * Every repository on one handle: the database's, or a transaction's. A transaction's repositories open their own
 * transactions (an import, a workflow step, an audit append) as savepoints inside it, so a command's writes and its
 * audit entry commit together.
 */
function repositoriesOn(db: Db, connection: Connection): TransactionalStore {
  return {
    documents: createDocumentStore(db, connection.bulkCopy),
    catalog: createCatalogQueries(db),
    reviews: createReviewStore(db),
    ruleSets: createRuleSetStore(db),
    evaluations: createEvaluationStore(db),
    users: createUserStore(db),
    sessions: createSessionStore(db),
    signInFailures: createSignInFailureStore(db),
    audit: createAuditStore(db),
    workflow: createWorkflowStore(db),
    scope: createScopeLookup(db),
    withdrawal: createDocumentWithdrawal(db),
    jobs: createJobStore(db),
    resultsUse: createResultsUseStore(db),
    dashboard: createDashboardQueries(db),
    rectifications: createRectificationStore(db),
    attachments: createAttachmentStore(db),
    monitoringWarnings: createMonitoringWarningStore(db),
    transaction: (work) => db.transaction((tx) => work(repositoriesOn(tx, connection))),
  };
}

function storeOn(connection: Connection, release: (() => void) | undefined): OpenedStore {
  let closed = false;
  return {
    ...repositoriesOn(connection.db, connection),
    kind: connection.kind,
    db: connection.db,
    verifyAuditChain: (verify) => verifyAuditChain(connection.db, verify),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await connection.close();
      } finally {
        release?.();
      }
    },
  };
}
