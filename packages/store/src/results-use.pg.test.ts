/** The results-use suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { resultsUseSuite } from './results-use.suite';
import { postgresTestStore } from './testing';

resultsUseSuite('PostgreSQL', () => postgresTestStore('results-use'));
