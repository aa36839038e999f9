/**
 * The composition root: the one place that opens the store and wires the use cases the routes call. Tests build
 * the same context around a store in a temp directory.
 */
import { readFileSync } from 'node:fs';
import { removeDemoUsers, seedDemoData, seedDemoRectifications, seedDemoUsers, seedDemoWorkflow, type SeedReport } from '@jixiao/services';
import { openStore, type PostgresSettings, type Store } from '@jixiao/store';

export interface AppContext {
  store: Store;
  /** jixiao's version, reported by /api/health and the OpenAPI document. */
  version: string;
  /** Whether the demo documents are seeded into an empty database. */
  demo: boolean;
  /** What seeding did on this start (undefined when the demo is off). */
  seedReport?: SeedReport;
  /** The clock sessions and throttling use (tests move it). */
  now: () => Date;
  /** How a throttled address is slowed down (default: a timer; tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>;
  /** Always mark the session cookie Secure (behind an HTTPS proxy that does not send X-Forwarded-Proto). */
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** Tells this process's job runner a job was queued (serve.ts starts the runner; without one, jobs wait). */
  wakeJobRunner?: () => void;
}

export interface ContextOptions {
  demo?: boolean;
  version?: string;
  now?: () => Date;
  secureCookies?: boolean;
  trustProxy?: boolean;
}

export const APP_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** The seed documents that become the demo data (repository `fixtures/seeds`). */
export const DEFAULT_SEEDS_DIR = new URL('../../../fixtures/seeds', import.meta.url).pathname;

export function createContext(store: Store, options: ContextOptions = {}): AppContext {
  return {
    store,
    version: options.version ?? APP_VERSION,
    demo: options.demo ?? false,
    now: options.now ?? (() => new Date()),
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? false,
  };
}

export interface OpenContextOptions {
  dataDir?: string;
  databaseUrl?: string;
  postgres?: PostgresSettings;
  /** Seed the documents in `seedsDir` when the database is empty. */
  demo?: boolean;
  seedsDir?: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
}

/** Opens (and migrates) the store, seeds the demo data on first run, and builds the context. */
export async function openContext(options: OpenContextOptions): Promise<AppContext> {
  const store = await openStore({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.postgres !== undefined ? { postgres: options.postgres } : {}),
  });
  const demo = options.demo ?? true;
  let seedReport: SeedReport | undefined;
  try {
    if (demo) {
      seedReport = await seedDemoData(store, options.seedsDir ?? DEFAULT_SEEDS_DIR);
      await seedDemoUsers({ store });
      // First run only (seedReport.seeded): documents go through the workflow (one to the public page, last year's approved and monitored).
      await seedDemoWorkflow({ store }, seedReport);
      await seedDemoRectifications({ store }, seedReport);
    } else {
      // Outside demo mode no account with a published password may exist (decision 010).
      await removeDemoUsers({ store });
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  const flags = { demo, secureCookies: options.secureCookies ?? false, trustProxy: options.trustProxy ?? false };
  return { ...createContext(store, flags), ...(seedReport ? { seedReport } : {}) };
}
