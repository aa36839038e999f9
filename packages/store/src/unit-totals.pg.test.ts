/** The unit-totals.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { unitTotalsSuite } from './unit-totals.suite';
import { postgresTestStore } from './testing';

unitTotalsSuite('PostgreSQL', () => postgresTestStore('unit-totals'));
