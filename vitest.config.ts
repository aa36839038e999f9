import { defineConfig } from 'vitest/config';

/**
 * One test run, three projects:
 * - unit: everything beside the code, including the store suite on PGlite;
 * - postgres: the store suite again on a real PostgreSQL server (started from the system's binaries by
 *   scripts/test-postgres.ts, or DATABASE_URL when it is set);
 * - e2e: user journeys in Debian's Chromium against a real server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
