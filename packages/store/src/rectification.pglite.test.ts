/** The rectification.suite on PGlite in a temp data dir. */
import { rectificationSuite } from './rectification.suite';
import { pgliteTestStore } from './testing';

rectificationSuite('PGlite', () => pgliteTestStore('rectification'));
