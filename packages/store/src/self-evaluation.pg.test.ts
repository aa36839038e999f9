/** The self-evaluation.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { selfEvaluationSuite } from './self-evaluation.suite';
import { postgresTestStore } from './testing';

selfEvaluationSuite('PostgreSQL', () => postgresTestStore('self-eval'));
