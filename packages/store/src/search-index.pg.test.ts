/** The search-index.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { searchIndexSuite } from './search-index.suite';
import { postgresTestStore } from './testing';

searchIndexSuite('PostgreSQL', () => postgresTestStore('search-index'));
