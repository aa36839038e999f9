/** The tamper-evident.suite on PGlite in temp data dirs. */
import { tamperEvidentSuite } from './tamper-evident.suite';
import { pgliteTestStore } from './testing';

tamperEvidentSuite('PGlite', () => pgliteTestStore('tamper'), () => pgliteTestStore('tamper-legacy'));
