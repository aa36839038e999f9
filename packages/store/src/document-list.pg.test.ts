/** The document-list.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import { documentListSuite } from './document-list.suite';
import { postgresTestStore } from './testing';

documentListSuite('PostgreSQL', () => postgresTestStore('document-list'));
