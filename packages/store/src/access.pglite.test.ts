/** The access.suite on PGlite in a temp data dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store';
import { accessSuite } from './access.suite';

accessSuite('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-access-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
