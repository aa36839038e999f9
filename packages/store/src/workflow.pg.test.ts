/** The workflow.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { workflowSuite } from './workflow.suite';
import { postgresTestStore } from './testing';

workflowSuite('PostgreSQL', () => postgresTestStore('workflow'));
