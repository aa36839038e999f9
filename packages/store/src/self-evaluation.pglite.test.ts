/** The self-evaluation suite on PGlite in a temp data dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store';
import { selfEvaluationSuite } from './self-evaluation.suite';

selfEvaluationSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-self-eval-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
