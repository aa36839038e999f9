import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readDocument, type ReadLimits, DEFAULT_LIMITS } from '@jixiao/formats';
import type { PerformanceDocument } from '@jixiao/core';
import { CliError, EXIT_BAD_INPUT } from './output';

/** Reads and parses FILE, or throws a CliError with the reader's one-line bilingual reason (exit 2). */
export async function readDocumentFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<{ document: PerformanceDocument; bytes: Uint8Array }> {
  const fileName = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path}: 不是文件 (not a file)`, EXIT_BAD_INPUT);
    size = info.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: 找不到文件或无法打开 (cannot open the file)`, EXIT_BAD_INPUT);
  }
  const cap = Math.max(limits.maxTextBytes, limits.maxWorkbookBytes, limits.maxJsonBytes);
  if (size > cap) throw new CliError(`${fileName}: 文件过大（${(size / 1048576).toFixed(1)} MB），请拆分后分批导入 (file too large)`, EXIT_BAD_INPUT);
  const bytes = new Uint8Array(await readFile(path));
  const result = await readDocument({ fileName, bytes }, limits);
  if (!result.ok) throw new CliError(result.error.message, EXIT_BAD_INPUT);
  return { document: result.document, bytes };
}
