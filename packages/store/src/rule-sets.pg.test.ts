/** The rule-sets.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { ruleSetSuite } from './rule-sets.suite';
import { postgresTestStore } from './testing';

ruleSetSuite('PostgreSQL', () => postgresTestStore('rules'));
