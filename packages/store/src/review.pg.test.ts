/** The review suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { reviewSuite } from './review.suite';
import { postgresTestStore } from './testing';

reviewSuite('PostgreSQL', () => postgresTestStore('review'));
