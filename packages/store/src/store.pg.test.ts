/** The store suite on a real PostgreSQL server (the `postgres` vitest project; scripts/test-postgres.ts), in a fresh database. */
import { postgresTestStore } from './testing';
import { storeSuite } from './store.suite';

storeSuite('PostgreSQL', () => postgresTestStore('test'));
