/** The jobs.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { jobsSuite } from './jobs.suite';
import { postgresTestStore } from './testing';

jobsSuite('PostgreSQL', () => postgresTestStore('jobs'));
