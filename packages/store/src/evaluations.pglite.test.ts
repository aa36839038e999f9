/** The evaluations.suite on PGlite in a temp data dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store';
import { evaluationSuite } from './evaluations.suite';

evaluationSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-eval-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
