/** The rectification.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { rectificationSuite } from './rectification.suite';
import { postgresTestStore } from './testing';

rectificationSuite('PostgreSQL', () => postgresTestStore('rectification'));
