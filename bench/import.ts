import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPostgresCluster, type PostgresCluster } from '../scripts/postgres-cluster';
import { generateProjectWorkbook } from './generate-workbook';
import type { WorkerMode, WorkerResult } from './import-worker';
import { fmtMs, type BenchRow } from './table';

const PROJECTS = 10_000;
const PER_PROJECT = 5;
const RUNS = 3;
const GOAL_RATIO = 2;
const WORKER = fileURLToPath(new URL('./import-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs one measurement in a child process (bench/import-worker.ts) so that its peak RSS is its own. */
async function measure(mode: WorkerMode, file: string, adminUrl?: string): Promise<WorkerResult> {
  const args = ['--expose-gc', '--import', 'tsx', WORKER, mode, file, String(RUNS), ...(adminUrl ? [adminUrl] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env } });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as WorkerResult;
}

const memory = (r: WorkerResult) => `peak RSS ${r.peakRssMb.toLocaleString('en-US')} MB (loaded ${r.baseRssMb} MB)`;

/**
 * Issue 4: import a workbook of 10,000 projects × 5 indicators (the jixiao project template) against exceljs alone
 * reading it; goal ≤ 2× the bare read, on PGlite and on PostgreSQL (`DATABASE_URL`, else a throwaway cluster from
 * the system's binaries). Each import goes into a fresh data dir / database, opened before the clock starts.
 * Every measurement runs in its own process (warm-up + 3 runs, median) and reports its peak RSS; each ratio is
 * taken against bare reads timed in that same process just before each run.
 */
export async function benchImport(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-import-'));
  let cluster: PostgresCluster | undefined;
  try {
    const file = join(dir, `bench-${PROJECTS}x${PER_PROJECT}.xlsx`);
    const bytes = await generateProjectWorkbook(PROJECTS, PER_PROJECT, 'template');
    writeFileSync(file, bytes);
    const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;

    process.stderr.write('  exceljs read…\n');
    const read = await measure('read', file);
    process.stderr.write('  prepare (read + parse, no database)…\n');
    const prepare = await measure('prepare', file);
    process.stderr.write('  import into PGlite…\n');
    const pglite = await measure('pglite', file);
    let adminUrl = process.env.DATABASE_URL?.trim();
    let pgLabel = 'PostgreSQL (DATABASE_URL)';
    if (!adminUrl) {
      process.stderr.write('  starting a throwaway PostgreSQL cluster…\n');
      cluster = await startPostgresCluster();
      adminUrl = cluster.url;
      pgLabel = `PostgreSQL ${cluster.bin.split('/').at(-2) ?? ''} (throwaway cluster)`;
    }
    process.stderr.write('  import into PostgreSQL…\n');
    const postgres = await measure('postgres', file, adminUrl);

    // Against the bare reads timed in the same process right before each run: the same load on a shared machine.
    const ratio = (r: WorkerResult) => r.ms / r.pairedReadMs;
    const row = (label: string, r: WorkerResult): BenchRow => ({
      benchmark: `import ${label}`,
      result: `${fmtMs(r.ms)} = ${ratio(r).toFixed(2)}× the read (${fmtMs(r.pairedReadMs)} alongside; open ${fmtMs(r.openMs)} not counted), ${r.projects.toLocaleString('en-US')} projects, ${r.indicators.toLocaleString('en-US')} indicators; ${memory(r)}`,
      goal: `≤ ${GOAL_RATIO}× the read`,
      verdict: ratio(r) <= GOAL_RATIO ? 'met' : 'MISSED',
    });
    return [
      {
        benchmark: `exceljs reads the ${PROJECTS.toLocaleString('en-US')} × ${PER_PROJECT} workbook (${size})`,
        result: `${fmtMs(read.ms)}, ${read.rows.toLocaleString('en-US')} rows; ${memory(read)}`,
        goal: 'baseline',
        verdict: 'measured',
      },
      {
        benchmark: 'import without the database (read + parse)',
        result: `${fmtMs(prepare.ms)} = ${ratio(prepare).toFixed(2)}× the read (${fmtMs(prepare.pairedReadMs)} alongside); ${memory(prepare)}`,
        goal: 'report (part of the import)',
        verdict: 'measured',
      },
      row('into PGlite (fresh data dir)', pglite),
      row(`into ${pgLabel}`, postgres),
    ];
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
