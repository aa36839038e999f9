/** The search-index.suite on PGlite in a temp data dir. */
import { searchIndexSuite } from './search-index.suite';
import { pgliteTestStore } from './testing';

searchIndexSuite('PGlite', () => pgliteTestStore('search-index'));
