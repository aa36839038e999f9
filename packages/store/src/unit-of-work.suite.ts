/**
 * The store's unit of work (decision 020), on both backends: what a transaction's repositories write commits
 * together — an import, its evaluation and its audit entry — or not at all; a repository's own transaction inside it
 * is a savepoint (its failure leaves the outer work standing).
 */
import { SYSTEM_CHANGE, recordChange } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, sampleDocument, useSuiteStore, type StoreHandle } from './testing';

export function unitOfWorkSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`the unit of work on ${backend}`, () => {
    let store: OpenedStore;
    let documentId: number;
    useSuiteStore(open, async (opened) => {
      store = opened;
      documentId = (await importSeed002(store)).documentId;
    });
    const auditCount = async () => (await store.audit.listAudit({ limit: 1 })).total;

    it('commits the writes of every repository together', async () => {
      const before = await auditCount();
      const made = await store.transaction(async (tx) => {
        const e = await tx.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-03', entries: {}, by: '测试' });
        await recordChange(tx.audit, SYSTEM_CHANGE, { action: 'monitoring.start', objectType: 'evaluation', objectId: e.id, before: null, after: { id: e.id } });
        return e;
      });
      expect((await store.evaluations.getEvaluation(made.id)).period).toBe('2024-03');
      expect(await auditCount()).toBe(before + 1);
      expect((await store.verifyAuditChain()).ok).toBe(true);
    });

    it('takes every write back when the work throws, the import and the audit entry included', async () => {
      const before = { audit: await auditCount(), documents: (await store.documents.listDocuments()).length };
      const failed = await store
        .transaction(async (tx) => {
          await tx.documents.saveImport({ document: sampleDocument(), year: 2024, fileName: '回滚.json', sha256: 'rollback-test' });
          await recordChange(tx.audit, SYSTEM_CHANGE, { action: 'document.import', objectType: 'document', objectId: 0, before: null, after: null });
          await tx.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-04', entries: {}, by: '测试' });
          throw new Error('the command refuses at the end');
        })
        .catch((e: unknown) => e);
      expect(failed).toMatchObject({ message: 'the command refuses at the end' });
      expect({ audit: await auditCount(), documents: (await store.documents.listDocuments()).length }).toEqual(before);
      expect(await store.evaluations.findEvaluation(documentId, 'monitoring', '2024-04')).toBeNull();
    });

    it("nests a repository's own transaction as a savepoint: its failure is the caller's to handle", async () => {
      const kept = await store.transaction(async (tx) => {
        const e = await tx.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-05', entries: {}, by: '测试' });
        // The same document, kind and period again: the repository refuses (CONFLICT) inside its savepoint.
        const again = await tx.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-05', entries: {}, by: '测试' }).catch((err: unknown) => err);
        expect(again).toMatchObject({ code: 'CONFLICT' });
        return tx.transaction(async (inner) => inner.evaluations.getEvaluation(e.id));
      });
      expect((await store.evaluations.getEvaluation(kept.id)).period).toBe('2024-05');
    });
  });
}
