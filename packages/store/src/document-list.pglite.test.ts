/** The document-list.suite on PGlite in a temp data dir. */
import { documentListSuite } from './document-list.suite';
import { pgliteTestStore } from './testing';

documentListSuite('PGlite', () => pgliteTestStore('document-list'));
