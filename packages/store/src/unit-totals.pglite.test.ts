/** The unit-totals.suite on PGlite in a temp data dir. */
import { unitTotalsSuite } from './unit-totals.suite';
import { pgliteTestStore } from './testing';

unitTotalsSuite('PGlite', () => pgliteTestStore('unit-totals'));
