/** The rule-sets.suite on PGlite in a temp data dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store';
import { ruleSetSuite } from './rule-sets.suite';

ruleSetSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-rules-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
