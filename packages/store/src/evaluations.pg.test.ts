/** The evaluations.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { evaluationSuite } from './evaluations.suite';
import { postgresTestStore } from './testing';

evaluationSuite('PostgreSQL', () => postgresTestStore('eval'));
