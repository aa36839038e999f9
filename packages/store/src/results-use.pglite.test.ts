/** The results-use suite on PGlite in a temp data dir. */
import { resultsUseSuite } from './results-use.suite';
import { pgliteTestStore } from './testing';

resultsUseSuite('PGlite', () => pgliteTestStore('results-use'));
