/** The self-evaluation suite on PGlite in a temp data dir. */
import { selfEvaluationSuite } from './self-evaluation.suite';
import { pgliteTestStore } from './testing';

selfEvaluationSuite('PGlite', () => pgliteTestStore('self-eval'));
