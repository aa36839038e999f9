/**
 * Demo data: on an empty database, import the seed documents (fixtures/seeds) that the readers accept. A seed the
 * readers refuse is skipped and reported, never fatal — the demo should start even while a reader is unfinished.
 * A seed that states no budget year (seed 002 is an excerpt without one) gets the year listed in
 * `demo-years.json` beside the seeds, exactly as a person would give `--year` on import; the same file lists the seeds
 * imported a second time as a unit's targets of the year before (`lastYear`), which `seedDemoWorkflow` approves.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { importDocumentFile, type ImportResult } from '../documents/import-document-file';
import { SYSTEM_CHANGE } from '../access/audit';
import type { TransactionalStore } from '../unit-of-work';

export interface SeedReport {
  /** False when the database already had documents (nothing was imported). */
  seeded: boolean;
  imported: ImportResult[];
  skipped: Array<{ fileName: string; reason: string }>;
  /** Last year's copies (`lastYear` in demo-years.json), which `seedDemoWorkflow` approves and monitors. */
  lastYear: ImportResult[];
}

const SEED_FILE = /\.(txt|json|xlsx)$/i;
const YEARS_FILE = 'demo-years.json';

interface DemoYears {
  years: Record<string, number>;
  lastYear: Record<string, { year: number; fileName: string }>;
}

async function readDemoYears(seedsDir: string): Promise<DemoYears> {
  try {
    const parsed = JSON.parse(await readFile(join(seedsDir, YEARS_FILE), 'utf8')) as { years?: DemoYears['years']; lastYear?: { files?: DemoYears['lastYear'] } };
    return { years: parsed.years ?? {}, lastYear: parsed.lastYear?.files ?? {} };
  } catch {
    return { years: {}, lastYear: {} };
  }
}

/** The seeds imported by the system itself (each import audited as the system's). */
export async function seedDemoData(store: TransactionalStore, seedsDir: string): Promise<SeedReport> {
  const report: SeedReport = { seeded: false, imported: [], skipped: [], lastYear: [] };
  // One row is enough to know (issue 12: no heavy query at start-up).
  if ((await store.documents.listDocuments({ limit: 1 })).length > 0) return report;
  report.seeded = true;
  const files = (await readdir(seedsDir)).filter((f) => SEED_FILE.test(f) && f !== YEARS_FILE).sort();
  const { years, lastYear } = await readDemoYears(seedsDir);
  const importSeed = async (fileName: string, bytes: Uint8Array, year: number | undefined): Promise<ImportResult | null> => {
    try {
      return await importDocumentFile({ store }, SYSTEM_CHANGE, year === undefined ? { fileName, bytes } : { fileName, bytes, year });
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'BAD_INPUT' && e.code !== 'YEAR_REQUIRED')) throw e;
      report.skipped.push({ fileName, reason: e.message });
      return null;
    }
  };
  const read = (fileName: string) => readFile(join(seedsDir, fileName)).then((b) => new Uint8Array(b));
  for (const fileName of files) {
    const made = await importSeed(fileName, await read(fileName), years[fileName]);
    if (made) report.imported.push(made);
  }
  // After every seed, so the seeds keep the ids they always had.
  for (const [fileName, copy] of Object.entries(lastYear).filter(([f]) => files.includes(f))) {
    const copied = await importSeed(copy.fileName, await read(fileName), copy.year);
    if (copied) report.lastYear.push(copied);
  }
  return report;
}
