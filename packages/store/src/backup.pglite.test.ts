/** The backup suite on PGlite in temp data dirs. */
import { backupSuite } from './backup.suite';
import { pgliteTestStore } from './testing';

backupSuite('PGlite', () => pgliteTestStore('backup'));
