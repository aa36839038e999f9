/**
 * Demo data: on an empty database, import the seed documents (fixtures/seeds) that the readers accept. A seed the
 * readers refuse is skipped and reported, never fatal — the demo should start even while a reader is unfinished.
 * A seed that states no budget year (seed 002 is an excerpt without one) gets the year listed in
 * `demo-years.json` beside the seeds, exactly as a person would give `--year` on import.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { importDocumentFile, type ImportResult } from '../documents/import-document-file';
import { SYSTEM_CHANGE } from '../access/audit';
import type { TransactionalStore } from '../unit-of-work';
import { seedDemoMonitoring } from './seed-demo-monitoring';

export interface SeedReport {
  /** False when the database already had documents (nothing was imported). */
  seeded: boolean;
  imported: ImportResult[];
  skipped: Array<{ fileName: string; reason: string }>;
}

const SEED_FILE = /\.(txt|json|xlsx)$/i;
const YEARS_FILE = 'demo-years.json';

async function readDemoYears(seedsDir: string): Promise<Record<string, number>> {
  try {
    const parsed = JSON.parse(await readFile(join(seedsDir, YEARS_FILE), 'utf8')) as { years?: Record<string, number> };
    return parsed.years ?? {};
  } catch {
    return {};
  }
}

/** The seeds imported by the system itself (each import audited as the system's). */
export async function seedDemoData(store: TransactionalStore, seedsDir: string): Promise<SeedReport> {
  const report: SeedReport = { seeded: false, imported: [], skipped: [] };
  // One row is enough to know (issue 12: no heavy query at start-up).
  if ((await store.documents.listDocuments({ limit: 1 })).length > 0) return report;
  report.seeded = true;
  const files = (await readdir(seedsDir)).filter((f) => SEED_FILE.test(f) && f !== YEARS_FILE).sort();
  const years = await readDemoYears(seedsDir);
  for (const fileName of files) {
    const bytes = new Uint8Array(await readFile(join(seedsDir, fileName)));
    try {
      const year = years[fileName];
      report.imported.push(await importDocumentFile({ store }, SYSTEM_CHANGE, year === undefined ? { fileName, bytes } : { fileName, bytes, year }));
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'BAD_INPUT' && e.code !== 'YEAR_REQUIRED')) throw e;
      report.skipped.push({ fileName, reason: e.message });
    }
  }
  await seedDemoMonitoring(store, report);
  return report;
}
