/** The jobs.suite on PGlite in a temp data dir. */
import { jobsSuite } from './jobs.suite';
import { pgliteTestStore } from './testing';

jobsSuite('PGlite', () => pgliteTestStore('jobs'));
