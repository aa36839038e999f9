/** The review suite on PGlite in a temp data dir. */
import { reviewSuite } from './review.suite';
import { pgliteTestStore } from './testing';

reviewSuite('PGlite', () => pgliteTestStore('review'));
