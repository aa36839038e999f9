/**
 * The unit-of-work suite on PGlite in a temp data dir, and what only PGlite needs: its one connection means the
 * outer store used inside a transaction would wait for that transaction forever, so it fails at once, naming the
 * mistake.
 */
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { pgliteTestStore, useSuiteStore } from './testing';
import { unitOfWorkSuite } from './unit-of-work.suite';

unitOfWorkSuite('PGlite', () => pgliteTestStore('unit-of-work'));

describe('PGlite: the outer store inside a transaction', () => {
  let store: OpenedStore;
  useSuiteStore(
    () => pgliteTestStore('outer-handle'),
    (opened) => {
      store = opened;
    },
  );

  it('is refused at once, and the connection serves the next request', async () => {
    const misused = (await store.transaction(() => store.documents.listDocuments()).catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(String(misused.cause ?? misused)).toContain('事务内使用了事务外的数据库连接');
    expect(await store.documents.listDocuments()).toEqual([]);
  });
});
