/** The access.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { accessSuite } from './access.suite';
import { postgresTestStore } from './testing';

accessSuite('PostgreSQL', () => postgresTestStore('access'));
