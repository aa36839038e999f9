/** The monitoring-warning suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { monitoringWarningsSuite } from './monitoring-warnings.suite';
import { postgresTestStore } from './testing';

monitoringWarningsSuite('PostgreSQL', () => postgresTestStore('monitoring-warnings'));
