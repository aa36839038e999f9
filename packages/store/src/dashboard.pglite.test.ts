/** The dashboard reads on PGlite in a temp data dir. */
import { dashboardSuite } from './dashboard.suite';
import { pgliteTestStore } from './testing';

dashboardSuite('PGlite', () => pgliteTestStore('dashboard'));
