/** The unit-of-work suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { postgresTestStore } from './testing';
import { unitOfWorkSuite } from './unit-of-work.suite';

unitOfWorkSuite('PostgreSQL', () => postgresTestStore('unit-of-work'));
