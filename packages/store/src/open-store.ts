/**
 * `openStore` — the one way to get a database (decision 001): PGlite in `<dataDir>/pgdata` by default, guarded by
 * `<dataDir>/jixiao.lock`; PostgreSQL (a `pg` pool) when `databaseUrl` is given. Migrations run on open.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuditLog, AuditReader, CatalogQueries, DocumentStore, EvaluationStore, ReviewStore, RuleSetStore, ScopeLookup, SessionStore, SignInFailureStore, UserStore, WorkflowStore } from '@jixiao/services';
import type { DocumentWithdrawal } from '@jixiao/services';
import { verifyAuditChain, type AuditChainReport, type VerifyOptions } from './audit-chain';
import { createAuditStore } from './audit-store';
import { createCatalogQueries } from './catalog';
import { connectPglite, connectPostgres, migrationsFolder, migrationsFolderUpTo, type Connection, type Db } from './db';
import { createDocumentStore } from './document-store';
import { createEvaluationStore } from './evaluation-store';
import { lockDataDir } from './lock';
import { createReviewStore } from './review-store';
import { createRuleSetStore } from './rule-set-store';
import { createScopeLookup } from './scope-lookup';
import { createDocumentWithdrawal } from './withdraw-document';
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
}

export interface Store {
  kind: 'pglite' | 'postgres';
  documents: DocumentStore;
  catalog: CatalogQueries;
  /** The reviewer's decisions on documents (the review itself is computed on demand). */
  reviews: ReviewStore;
  /** Stored rule set versions and their activations (decision 003); the built-in rule sets are not stored. */
  ruleSets: RuleSetStore;
  /** Monitoring reports and self-evaluations against a target version, and the scores kept for them. */
  evaluations: EvaluationStore;
  /** Sign-in (decision 010): users, database sessions, failed sign-ins. */
  users: UserStore;
  sessions: SessionStore;
  signInFailures: SignInFailureStore;
  /** The append-only audit trail and its reader. */
  audit: AuditLog & AuditReader;
  /** Walks the audit trail's hash chain in id order (decision 013): intact, or the first entry that is not. */
  verifyAuditChain(options?: VerifyOptions): Promise<AuditChainReport>;
  /** Which department an object belongs to (the server's access policy). */
  scope: ScopeLookup;
  /** Target and evaluation workflow, period locks and publications (decision 011). */
  workflow: WorkflowStore;
  /** Withdrawing a draft nobody has acted on (issue 10 item 7). */
  withdrawal: DocumentWithdrawal;
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
  if (options.databaseUrl) return { connection: await connectPostgres(options.databaseUrl, 10, folder) };
  const dataDir = resolve(options.dataDir ?? './data');
  const lock = lockDataDir(dataDir);
  try {
    return { connection: await connectPglite(join(dataDir, PGLITE_SUBDIR), folder), release: lock.release };
  } catch (e) {
    lock.release();
    throw e;
  }
}

function storeOn(connection: Connection, release: (() => void) | undefined): OpenedStore {
  let closed = false;
  return {
    kind: connection.kind,
    db: connection.db,
    documents: createDocumentStore(connection.db),
    catalog: createCatalogQueries(connection.db),
    reviews: createReviewStore(connection.db),
    ruleSets: createRuleSetStore(connection.db),
    evaluations: createEvaluationStore(connection.db),
    users: createUserStore(connection.db),
    sessions: createSessionStore(connection.db),
    signInFailures: createSignInFailureStore(connection.db),
    audit: createAuditStore(connection.db),
    verifyAuditChain: (verify) => verifyAuditChain(connection.db, verify),
    workflow: createWorkflowStore(connection.db),
    scope: createScopeLookup(connection.db),
    withdrawal: createDocumentWithdrawal(connection.db),
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
