/**
 * `jixiao restore FILE`: a backup into an empty PGlite data dir or an empty PostgreSQL database. The file is
 * checked (checksum, row counts, schema version) before anything is written; the rows go in in one transaction.
 * A refused PGlite restore leaves the data dir as empty as it found it.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chinaTime } from '@jixiao/core';
import { AppError } from '@jixiao/services';
import { PGLITE_SUBDIR, restoreBackup, verifyBackup } from '@jixiao/store';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { storeOptionsFromEnv, toCliError } from '../store-env';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'jixiao restore FILE [--json]',
  help: [
    '先完整校验 FILE（SHA-256、各表行数、数据库结构版本），再在一个事务中写入全部行，最后重置各序列。',
    '只能恢复到空的数据目录（JIXIAO_DATA_DIR 不存在或为空）或空的 PostgreSQL 数据库（DATABASE_URL）；否则拒绝并列出已有的内容。',
    '恢复后建议运行 jixiao audit verify，并用 jixiao export --format json --all 与原库的导出比对。',
  ],
  options: { json: { type: 'boolean', describe: '输出 JSON { file, tables, rows, migrated, … } 而不是中文摘要' } },
  async run({ positionals, values }, io) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const options = storeOptionsFromEnv(io.env);
    try {
      // Checked before a data dir is made or a database migrated.
      await verifyBackup(file);
    } catch (e) {
      throw toCliError(e);
    }
    const dataDir = options.dataDir;
    if (dataDir && existsSync(dataDir)) {
      const entries = readdirSync(dataDir);
      if (entries.length > 0) throw new CliError(`数据目录 ${dataDir} 不是空的（有 ${entries.slice(0, 5).join('、')}${entries.length > 5 ? ' 等' : ''}）：只能恢复到空的数据目录，请把 JIXIAO_DATA_DIR 设为一个新目录 (the data dir must be empty)`);
    }
    let result;
    try {
      result = await restoreBackup(options, file, dataDir ? `数据目录 ${dataDir}` : '数据库（DATABASE_URL）');
    } catch (e) {
      // The dir was empty before: leave it so, not half-built (unless someone else took it meanwhile).
      if (dataDir && !(e instanceof AppError && e.code === 'DATA_DIR_LOCKED')) rmSync(join(dataDir, PGLITE_SUBDIR), { recursive: true, force: true });
      throw toCliError(e);
    }
    const { header, rows, migrated } = result;
    if (values.json) return printJson(io, { file, tables: header.tables, rows, migrated, createdAt: header.createdAt, backend: header.backend, ...(dataDir ? { dataDir } : {}) });
    const upgraded = migrated > 0 ? `，并升级了 ${migrated} 个数据库迁移` : '';
    io.stdout.write(`已从 ${file} 恢复 ${Object.keys(header.tables).length} 张表、${rows} 行（备份于 ${chinaTime(header.createdAt)}（北京时间），来自 ${header.backend}${upgraded}）到${dataDir ? `数据目录 ${dataDir}` : ' DATABASE_URL 的数据库'}\n`);
  },
};
