/** The dashboard reads on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { dashboardSuite } from './dashboard.suite';
import { postgresTestStore } from './testing';

dashboardSuite('PostgreSQL', () => postgresTestStore('dashboard'));
