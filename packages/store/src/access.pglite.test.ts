/** The access.suite on PGlite in a temp data dir. */
import { accessSuite } from './access.suite';
import { pgliteTestStore } from './testing';

accessSuite('PGlite', () => pgliteTestStore('access'));
