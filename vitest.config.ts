import { defineConfig } from 'vitest/config';

/**
 * One test run, four projects:
 * - pure: the packages whose tests share no state but content-keyed caches (core, contract, formats, services), run
 *   without re-importing every module for every file (`isolate: false`: a third of their time was imports);
 *   `npm run check:fast` runs this project alone;
 * - unit: everything else beside the code, including the store suite on PGlite (`*.test.ts`), each file isolated;
 * - postgres: the store suite again on a real PostgreSQL server (`*.pg.test.ts`), started from the system's
 *   binaries by scripts/test-postgres.ts, or the server in DATABASE_URL when it is set. Each file makes its own
 *   database, so the files run beside the others and share their modules (`isolate: false`): run one after another
 *   in fresh workers they took 45 s, 31 s of it importing;
 * - e2e: user journeys in Debian's Chromium against a real `jixiao serve` (`e2e/*.e2e.ts`).
 * unit and e2e share a scratch directory for the run (scripts/test-run.ts), where the demo data dir is built once.
 */
const PURE = ['packages/core', 'packages/contract', 'packages/formats', 'packages/services'];

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the CPUs: one worker on the 2-core CI machine, whose files then run
    // one after another while much of their time is spent waiting on PGlite, LibreOffice and worker threads.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'pure',
          include: PURE.map((p) => `${p}/src/**/*.test.ts`),
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**', ...PURE.map((p) => `${p}/**`)],
          globalSetup: ['scripts/test-run.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['packages/*/src/**/*.pg.test.ts', 'apps/*/src/**/*.pg.test.ts'],
          globalSetup: ['scripts/test-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['scripts/test-run.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Three journeys at a time: each has its own server, data dir and browser, and a journey spends most of its
          // time waiting on the page (one at a time used half a core; three took 134 s where one took 183 s for ten
          // journeys). Its own group, after the others (a group shares one maxWorkers).
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
