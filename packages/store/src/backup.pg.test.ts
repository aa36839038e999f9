/** The backup suite on a real PostgreSQL server (the `postgres` vitest project), in fresh databases. */
import { backupSuite } from './backup.suite';
import { postgresTestStore } from './testing';

backupSuite('PostgreSQL', () => postgresTestStore('backup'));
