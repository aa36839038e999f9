/** The withdraw.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { withdrawSuite } from './withdraw.suite';
import { postgresTestStore } from './testing';

withdrawSuite('PostgreSQL', () => postgresTestStore('withdraw'));
