export { openStore, PGLITE_SUBDIR, type Store, type StoreOptions, type OpenedStore } from './open-store';
export { LOCK_FILE } from './lock';
/** Tests: the migrated PGlite template a new test data dir is copied from (decision 017). */
export { pgliteTemplate } from './pglite-template';
export { buildOnce } from './build-once';
/** Tests: a new, empty PostgreSQL database for servers a test starts on it. */
export { createDatabase } from './fresh-store';
export { GENESIS_HASH, type AuditChainReport, type AuditChainBreak, type VerifyOptions } from './audit-chain';
export { migrationsFolder, programMigrations, type PostgresSettings } from './db';
export { identityKey, fileStem, departmentNameOf, documentTitle } from './identity';
export * from './backup';
