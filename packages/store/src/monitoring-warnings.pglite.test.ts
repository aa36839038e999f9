/** The monitoring-warning suite on PGlite in a temp data dir. */
import { monitoringWarningsSuite } from './monitoring-warnings.suite';
import { pgliteTestStore } from './testing';

monitoringWarningsSuite('PGlite', () => pgliteTestStore('monitoring-warnings'));
