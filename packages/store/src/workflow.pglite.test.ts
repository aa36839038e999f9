/** The workflow.suite on PGlite in a temp data dir. */
import { workflowSuite } from './workflow.suite';
import { pgliteTestStore } from './testing';

workflowSuite('PGlite', () => pgliteTestStore('workflow'));
