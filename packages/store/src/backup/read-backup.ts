/**
 * Reading a backup file (format.ts) line by line from its gzip stream, and `verifyBackup`: the whole file checked —
 * header, the SHA-256 in the last line, the row count of every table — before anything is written anywhere.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AppError } from '@jixiao/services';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './format';

/** `{"t":"<table>","r":` — the table of a row line, read without parsing the row. */
const ROW_PREFIX = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/;

export interface RowLine {
  table: string;
  /** The row's JSON text, exactly as the dump wrote it. */
  row: string;
}

export function parseRowLine(line: string): RowLine | null {
  const m = ROW_PREFIX.exec(line);
  if (!m || !line.endsWith('}')) return null;
  return { table: JSON.parse(m[1]!) as string, row: line.slice(m[0].length, -1) };
}

export async function* backupLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(path).pipe(gunzip);
  // A stream error (not gzip, cut off) surfaces from the loop below through readline.
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}

const damaged = (path: string, why: string) => new AppError('BAD_INPUT', `备份文件 ${path} 无法使用：${why}。请换用另一份备份（未写入任何数据）。`, { path });

/** Reads the whole file and returns its header, or throws `BAD_INPUT` naming what is wrong. */
export async function verifyBackup(path: string): Promise<BackupHeader> {
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let trailer: string | undefined;
  const counts = new Map<string, number>();
  try {
    for await (const line of backupLines(path)) {
      if (trailer !== undefined) throw damaged(path, '结束行之后还有内容');
      if (header === undefined) {
        try {
          header = JSON.parse(line) as BackupHeader;
        } catch {
          throw damaged(path, '第 1 行不是备份文件头');
        }
        if (header.format !== BACKUP_FORMAT) throw damaged(path, `不是 jixiao 备份文件（格式 ${String(header.format)}）`);
        if (header.version !== BACKUP_FORMAT_VERSION) throw damaged(path, `备份格式版本 ${header.version}，本程序只能读取版本 ${BACKUP_FORMAT_VERSION}`);
        hash.update(`${line}\n`);
        continue;
      }
      const row = parseRowLine(line);
      if (row) {
        hash.update(`${line}\n`);
        counts.set(row.table, (counts.get(row.table) ?? 0) + 1);
      } else trailer = line;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw damaged(path, code === 'ENOENT' ? '文件不存在' : `读取失败（${e instanceof Error ? e.message : String(e)}），文件可能已损坏或不完整`);
  }
  if (header === undefined) throw damaged(path, '文件是空的');
  let end: { end?: boolean; sha256?: string } = {};
  try {
    end = trailer === undefined ? {} : (JSON.parse(trailer) as typeof end);
  } catch {
    // reported below
  }
  if (end.end !== true || typeof end.sha256 !== 'string') throw damaged(path, '缺少结束行，文件不完整');
  if (end.sha256 !== hash.digest('hex')) throw damaged(path, '校验和（SHA-256）不符，文件已损坏');
  for (const [table, n] of Object.entries(header.tables)) {
    if ((counts.get(table) ?? 0) !== n) throw damaged(path, `表 ${table} 应有 ${n} 行，文件中有 ${counts.get(table) ?? 0} 行`);
  }
  for (const table of counts.keys()) if (!(table in header.tables)) throw damaged(path, `文件头未列出表 ${table}`);
  return header;
}
