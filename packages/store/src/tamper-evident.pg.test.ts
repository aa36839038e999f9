/** The tamper-evident.suite on a real PostgreSQL server (the `postgres` vitest project), in fresh databases. */
import { tamperEvidentSuite } from './tamper-evident.suite';
import { postgresTestStore } from './testing';

tamperEvidentSuite('PostgreSQL', () => postgresTestStore('tamper'), () => postgresTestStore('tamper_legacy'));
