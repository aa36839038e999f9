/** The evaluations.suite on PGlite in a temp data dir. */
import { evaluationSuite } from './evaluations.suite';
import { pgliteTestStore } from './testing';

evaluationSuite('PGlite', () => pgliteTestStore('eval'));
