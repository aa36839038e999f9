/** The withdraw.suite on PGlite in a temp data dir. */
import { withdrawSuite } from './withdraw.suite';
import { pgliteTestStore } from './testing';

withdrawSuite('PGlite', () => pgliteTestStore('withdraw'));
