/**
 * `jixiao backup --out FILE`: a consistent copy of the whole database (packages/store/src/backup). On PostgreSQL
 * and on an unused PGlite data dir it opens the store itself; when `jixiao serve` holds the PGlite dir it asks the
 * server over `<dataDir>/control.sock`. The file is written beside FILE, checked end to end, then renamed to FILE,
 * so FILE is never a half-written backup.
 */
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AppError } from '@jixiao/services';
import { controlSocketPath, dumpDatabase, openStore, requestBackup, verifyBackup, type BackupHeader } from '@jixiao/store';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { storeOptionsFromEnv, toCliError } from '../store-env';

async function dumpDirect(options: ReturnType<typeof storeOptionsFromEnv>, file: string): Promise<void> {
  const store = await openStore(options);
  try {
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(file));
    await dumpDatabase(store, gzip);
    gzip.end();
    await written;
  } finally {
    await store.close();
  }
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'jixiao backup --out FILE [--json]',
  help: [
    '把全部数据（所有表、所有行）写入 FILE（gzip 压缩的 NDJSON，带 SHA-256 校验），内容是同一时刻的一致快照。',
    'PostgreSQL（DATABASE_URL）或未被占用的数据目录：直接读取；jixiao serve 正在使用数据目录时，通过服务的 <数据目录>/control.sock 备份。',
    '写完后会完整校验一遍再改名为 FILE。用 jixiao restore FILE 恢复到一个空的数据目录或空数据库。',
  ],
  positionals: false,
  options: { json: { type: 'boolean', describe: '输出 JSON { file, via, tables, rows, migrations } 而不是中文摘要' }, out: { type: 'string', describe: '备份文件，例如 backups/jixiao-2025-01-31.jixiao-backup' } },
  async run({ positionals, values }, io) {
    const out = typeof values.out === 'string' ? values.out.trim() : '';
    if (positionals.length > 0 || !out) throw new CliError(`缺少 --out FILE (--out is required)\n用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const options = storeOptionsFromEnv(io.env);
    const partial = `${out}.partial`;
    let via = options.databaseUrl ? 'PostgreSQL' : `数据目录 ${options.dataDir}`;
    let header: BackupHeader;
    try {
      try {
        await dumpDirect(options, partial);
      } catch (e) {
        const socket = options.dataDir ? controlSocketPath(options.dataDir) : undefined;
        if (!(e instanceof AppError && e.code === 'DATA_DIR_LOCKED' && socket && existsSync(socket))) throw e;
        await requestBackup(options.dataDir!, createWriteStream(partial)).catch(() => {
          throw e;
        });
        via = `正在运行的 jixiao serve（${socket}）`;
      }
      header = await verifyBackup(partial);
      renameSync(partial, out);
    } catch (e) {
      rmSync(partial, { force: true });
      if (e instanceof AppError && e.code === 'DATA_DIR_LOCKED') {
        throw new CliError(`${e.message} 若是 jixiao serve 在使用它，请用同一版本的 jixiao serve 运行（它提供 control.sock 备份接口）后重试。`);
      }
      const err = toCliError(e);
      if (err instanceof CliError) throw err;
      throw new CliError(`${out}: 备份失败 (backup failed): ${e instanceof Error ? e.message : String(e)}`);
    }
    const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
    if (values.json) return printJson(io, { file: out, via, tables: header.tables, rows, migrations: header.schema.migrations });
    io.stdout.write(`已备份 ${Object.keys(header.tables).length} 张表、${rows} 行（${via}，数据库结构：迁移 ${header.schema.migrations}）到 ${out}\n`);
  },
};
