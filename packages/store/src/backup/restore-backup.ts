/**
 * `restoreBackup` — the whole restore for the CLI: the file checked, a dump newer than this program refused, the
 * empty target built at the dump's schema version (only that many migrations), the rows restored, then the store
 * opened once more so this program's later migrations run over the restored rows.
 */
import { AppError } from '@jixiao/services';
import { programMigrations } from '../db';
import { openStore, type StoreOptions } from '../open-store';
import { verifyBackup } from './read-backup';
import { restoreDatabase, type RestoreResult } from './restore';

export async function restoreBackup(options: StoreOptions, path: string, where: string): Promise<RestoreResult & { migrated: number }> {
  const header = await verifyBackup(path);
  const ours = programMigrations();
  if (header.schema.migrations > ours) {
    throw new AppError('BAD_INPUT', `备份 ${path} 的数据库结构（迁移 ${header.schema.migrations}）比本程序（迁移 ${ours}）新：请用新版本的 jixiao 恢复。`, { path });
  }
  const store = await openStore({ ...options, migrations: header.schema.migrations });
  let result: RestoreResult;
  try {
    result = await restoreDatabase(store.db, path, where);
  } finally {
    await store.close();
  }
  if (header.schema.migrations < ours) await (await openStore(options)).close();
  return { ...result, migrated: ours - header.schema.migrations };
}
