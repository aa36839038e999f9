/**
 * `jixiao import DIR`: every file under DIR (sub-folders included, hidden files and folders skipped) imported in one
 * process on one store, each file its own transaction (`savePreparedImport`, the same command as `jixiao import
 * FILE`): a refused file writes nothing and does not stop the others. Progress on stderr — one redrawn line on a
 * terminal, a line per file otherwise — and a summary on stdout (decision 022).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { AppError, prepareImport, savePreparedImport, type ImportResult } from '@jixiao/services';
import { openStore, type Store } from '@jixiao/store';
import type { CommandIo } from '../io';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { storeOptionsFromEnv, toCliError } from '../store-env';

export type FileOutcome =
  | { file: string; status: ImportResult['status']; documentId: number; version: number; projectCount: number; indicatorCount: number }
  | { file: string; status: 'refused'; reason: string };

export interface FolderSummary {
  folder: string;
  files: number;
  created: number;
  newVersion: number;
  unchanged: number;
  refused: number;
  /** Dot-files and dot-folders (.DS_Store, .git, …) left out, not counted in `files`. */
  hiddenSkipped: number;
  outcomes: FileOutcome[];
}

const STATUS_WORD: Record<FileOutcome['status'], string> = { created: '新建', 'new-version': '新版本', unchanged: '未改动', refused: '拒绝' };

/** The files under `dir` in a stable order (sorted by path), hidden entries left out and counted. */
async function listFiles(dir: string): Promise<{ files: string[]; hidden: number }> {
  const files: string[] = [];
  let hidden = 0;
  const walk = async (at: string): Promise<void> => {
    const entries = (await readdir(at, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) {
        hidden += 1;
        continue;
      }
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk(dir);
  return { files, hidden };
}

/** A refusal's one-line reason: the reader's or the command's Chinese message; anything else is not a refusal. */
function refusalReason(e: unknown): string | undefined {
  return e instanceof AppError || e instanceof CliError ? e.message : undefined;
}

export async function importFolder(dir: string, year: number | undefined, by: string | boolean | undefined, json: boolean, io: CommandIo): Promise<void> {
  const { files, hidden } = await listFiles(dir).catch(() => {
    throw new CliError(`${dir}: 无法读取文件夹 (cannot read the folder)`, EXIT_BAD_INPUT);
  });
  if (files.length === 0) throw new CliError(`${dir}: 文件夹中没有可导入的文件${hidden ? `（跳过了 ${hidden} 个隐藏文件）` : ''} (no files to import)`, EXIT_BAD_INPUT);
  const who = io.change(by);
  const tty = io.stderr.isTTY === true;
  const outcomes: FileOutcome[] = [];
  // Opened at the first readable file, so a folder of refused files makes no data dir (as `import FILE`).
  let store: Store | undefined;
  try {
    for (const [i, path] of files.entries()) {
      const name = relative(dir, path);
      const step = `[${i + 1}/${files.length}]`;
      if (tty) io.stderr.write(`\r\x1b[K${step} ${name}…`);
      const outcome = await importOne(path, name, year, who, async () => (store ??= await openStore(storeOptionsFromEnv(io.env)).catch((e: unknown) => {
        throw toCliError(e);
      })));
      outcomes.push(outcome);
      if (!tty) io.stderr.write(`${step} ${name}：${STATUS_WORD[outcome.status]}${outcome.status === 'refused' ? ` — ${withoutName(outcome.reason, name)}` : ''}\n`);
    }
  } finally {
    if (tty) io.stderr.write('\r\x1b[K');
    await store?.close();
  }
  const summary = summarise(dir, outcomes, hidden);
  if (json) printJson(io, summary);
  else io.stdout.write(`${summaryText(summary)}\n`);
  if (summary.refused > 0) throw new CliError(`${summary.refused} 个文件被拒绝，其余已导入 (${summary.refused} of ${summary.files} files refused)`, EXIT_BAD_INPUT);
}

async function importOne(path: string, name: string, year: number | undefined, who: ReturnType<CommandIo['change']>, store: () => Promise<Store>): Promise<FileOutcome> {
  const refused = (e: unknown): FileOutcome => {
    const reason = refusalReason(e);
    if (reason === undefined) throw e;
    return { file: name, status: 'refused', reason };
  };
  let prepared;
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      throw new CliError(`${name}: 找不到文件或无法打开 (cannot open the file)`, EXIT_BAD_INPUT);
    }
    prepared = await prepareImport({ fileName: basename(path), bytes, ...(year === undefined ? {} : { year }) });
  } catch (e) {
    return refused(e);
  }
  // Opening the database is not this file's fault: its failure ends the run (exit 1), outside the refusals.
  const deps = { store: await store() };
  try {
    const r = await savePreparedImport(deps, who, prepared);
    return { file: name, status: r.status, documentId: r.documentId, version: r.version, projectCount: r.projectCount, indicatorCount: r.indicatorCount };
  } catch (e) {
    return refused(e);
  }
}

function summarise(folder: string, outcomes: FileOutcome[], hiddenSkipped: number): FolderSummary {
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { folder, files: outcomes.length, created: count('created'), newVersion: count('new-version'), unchanged: count('unchanged'), refused: count('refused'), hiddenSkipped, outcomes };
}

/** The reader's reason starts with the file's name, which the summary line already gives. */
function withoutName(reason: string, file: string): string {
  const prefix = `${basename(file)}: `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

function summaryText(s: FolderSummary): string {
  const refused = s.outcomes.filter((o): o is Extract<FileOutcome, { status: 'refused' }> => o.status === 'refused');
  return [
    `${s.folder}：${s.files} 个文件 — 新建 ${s.created}，新版本 ${s.newVersion}，未改动 ${s.unchanged}，拒绝 ${s.refused}${s.hiddenSkipped ? `（另跳过隐藏文件 ${s.hiddenSkipped} 个）` : ''}`,
    ...(refused.length ? ['被拒绝的文件：', ...refused.map((o) => `  ${o.file}：${withoutName(o.reason, o.file)}`)] : []),
  ].join('\n');
}
