/** The rule-sets.suite on PGlite in a temp data dir. */
import { ruleSetSuite } from './rule-sets.suite';
import { pgliteTestStore } from './testing';

ruleSetSuite('PGlite', () => pgliteTestStore('rules'));
