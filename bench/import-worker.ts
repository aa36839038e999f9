/**
 * One measurement of the import benchmark in a process of its own, so that its peak RSS is its own:
 *   node --import tsx bench/import-worker.ts read|prepare|pglite|postgres FILE RUNS [ADMIN_URL]
 * `read` is exceljs alone, `prepare` the import without the database (read, parse, settle the year), `pglite` and
 * `postgres` the whole import (`importDocumentFile`). Runs once to warm up, then RUNS times, each import into a fresh PGlite data dir or a fresh PostgreSQL database
 * (opened before the clock starts, closed and deleted after it stops). Before each run the bare exceljs read is
 * timed too, in the same process, so the ratio compares runs made under the same load; a full collection (run with
 * --expose-gc) separates the phases so the peak RSS is the import's, not the garbage of the read before it.
 * Prints one JSON line: WorkerResult.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importDocumentFile, prepareImport, SYSTEM_CHANGE } from '@jixiao/services';
import ExcelJS from 'exceljs';
import { freshPgliteStore, freshPostgresStore, type StoreHandle } from '../packages/store/src/fresh-store';

export type WorkerMode = 'read' | 'prepare' | 'pglite' | 'postgres';

export interface WorkerResult {
  mode: WorkerMode;
  /** Each measured run, in ms (the warm-up left out). */
  times: number[];
  /** Median of `times`. */
  ms: number;
  /**
   * Median of the bare exceljs reads timed right before each import run in the same process, so that the ratio
   * compares runs made under the same load (the machine may be shared); equals `ms` for `read`.
   */
  pairedReadMs: number;
  /** Time to open the fresh store (migrations included), median, ms; 0 for `read`. */
  openMs: number;
  /** RSS once everything was loaded, before the first run (MB). */
  baseRssMb: number;
  /** Peak RSS of the whole process (MB). */
  peakRssMb: number;
  projects: number;
  indicators: number;
  rows: number;
}

/** A full collection between phases (node --expose-gc), so one phase's garbage does not count in the next one's RSS. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function bareRead(bytes: Uint8Array): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ms = performance.now() - t0;
  return { ms, rows: book.worksheets.reduce((n, s) => n + s.rowCount, 0) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A fresh store for one run (fresh-store.ts: no test framework loaded, so the RSS is the import's). */
async function freshStore(mode: 'pglite' | 'postgres', adminUrl: string | undefined, run: number): Promise<StoreHandle> {
  if (mode === 'pglite') return freshPgliteStore('jixiao-bench-');
  if (!adminUrl) throw new Error('postgres mode needs the admin URL');
  return freshPostgresStore(adminUrl, `jixiao_bench_${process.pid}_${run}`);
}

async function main(): Promise<void> {
  const [mode, file, runsArg, adminUrl] = process.argv.slice(2) as [WorkerMode, string, string, string | undefined];
  const bytes = new Uint8Array(readFileSync(file));
  const runs = Number(runsArg) || 3;
  const times: number[] = [];
  const reads: number[] = [];
  const opens: number[] = [];
  let projects = 0;
  let indicators = 0;
  let rows = 0;
  const baseRssMb = mb(process.memoryUsage().rss);
  for (let run = 0; run <= runs; run++) {
    collect();
    const read = await bareRead(bytes);
    rows = read.rows;
    if (run > 0) reads.push(read.ms);
    collect();
    if (mode === 'read') {
      if (run > 0) times.push(read.ms);
      continue;
    }
    if (mode === 'prepare') {
      const t0 = performance.now();
      const prepared = await prepareImport({ fileName: basename(file), bytes });
      const ms = performance.now() - t0;
      projects = prepared.document.units.reduce((n, u) => n + u.projects.length, 0);
      indicators = prepared.document.units.reduce((n, u) => n + u.projects.reduce((k, p) => k + p.indicators.length, 0), 0);
      if (run > 0) times.push(ms);
      continue;
    }
    const o0 = performance.now();
    const { store, dispose } = await freshStore(mode, adminUrl, run);
    const openMs = performance.now() - o0;
    try {
      const t0 = performance.now();
      const result = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: basename(file), bytes });
      const ms = performance.now() - t0;
      if (result.status !== 'created') throw new Error(`import bench: expected a new document, got ${result.status}`);
      projects = result.projectCount;
      indicators = result.indicatorCount;
      if (run > 0) {
        times.push(ms);
        opens.push(openMs);
      }
    } finally {
      await dispose();
    }
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const result: WorkerResult = { mode, times, ms: median(times), pairedReadMs: median(reads), openMs: median(opens), baseRssMb, peakRssMb, projects, indicators, rows };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
