/**
 * Withdrawing a draft (issue 10 item 7), run on both backends (withdraw.pglite.test.ts, withdraw.pg.test.ts) through
 * the service: seed 002 imported under its own file names, so each case has a document of its own. A draft goes
 * with every version, project, key task and indicator, its audit entry in the chain; a failing audit entry takes the
 * deletion back with it (one transaction); anything anyone acted on — submitted (even when sent back to draft), a
 * reviewer's decision, an evaluation — is refused with CONFLICT and left whole.
 */
import type { Actor } from '@jixiao/core';
import { importDocumentFile, transitionTarget, withdrawDocument, SYSTEM_CHANGE } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { rejection, seedFile, SEED_002, useSuiteStore, type StoreHandle } from './testing';

const ROWS = ['document_versions', 'projects', 'key_tasks', 'indicators'] as const;

export function withdrawSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`withdrawing a draft on ${backend}`, () => {
    let store: OpenedStore;
    let departmentId: number;
    const editor = (): Actor => ({ userId: 1, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId, assignedDepartmentIds: [] });
    const approver = (): Actor => ({ userId: 2, username: 'chen', displayName: '陈主任', role: 'unit-approver', departmentId, assignedDepartmentIds: [] });
    const who = () => ({ actor: editor(), requestId: 'req-withdraw' });

    useSuiteStore(open, (opened) => {
      store = opened;
    });

    /** Seed 002 under `fileName`: a document of its own (the file stem is part of its identity). */
    async function draft(fileName: string): Promise<number> {
      const imported = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName, bytes: seedFile(SEED_002).bytes, year: 2024 });
      departmentId = imported.departmentId!;
      return imported.documentId;
    }

    async function rowsOf(documentId: number): Promise<Record<(typeof ROWS)[number] | 'documents', number>> {
      const counts = ROWS.map((t) => `(select count(*)::int from ${t} where document_id = ${documentId}) as ${t}`).join(', ');
      const [row] = await queryRows<Record<string, number>>(store.db, sql.raw(`select (select count(*)::int from documents where id = ${documentId}) as documents, ${counts}`));
      return row as Record<(typeof ROWS)[number] | 'documents', number>;
    }

    it('deletes a draft with its two versions and every row read from them, and audits it in the chain', async () => {
      const keep = await draft('另一份.txt');
      const id = await draft('误导入.txt');
      // A second version: the same file changed (one project's name), imported again under the same name.
      const changed = new TextDecoder().decode(seedFile(SEED_002).bytes).replace('病媒生物防治', '病媒生物防制');
      const again = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '误导入.txt', bytes: new TextEncoder().encode(changed), year: 2024 });
      expect(again).toMatchObject({ status: 'new-version', documentId: id, version: 2 });
      const before = await rowsOf(id);
      expect(before.projects).toBeGreaterThan(10);
      expect(before.indicators).toBeGreaterThan(before.projects);
      const kept = await rowsOf(keep);

      const gone = await withdrawDocument({ store }, who(), { documentId: id });
      expect(gone).toEqual({ documentId: id, title: expect.stringContaining('金花街道'), versions: 2, projects: before.projects, indicators: before.indicators });
      expect(await rowsOf(id)).toEqual({ documents: 0, document_versions: 0, projects: 0, key_tasks: 0, indicators: 0 });
      expect(await rowsOf(keep)).toEqual(kept);
      expect((await rejection(store.documents.getDocument(id))).code).toBe('NOT_FOUND');

      const audit = await store.audit.listAudit({ action: 'document.withdraw', limit: 10 });
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({
        actor: { username: 'li', displayName: '李填报' },
        objectId: String(id),
        requestId: 'req-withdraw',
        before: { documentId: id, fileName: '误导入.txt', year: 2024, versions: 2 },
        after: null,
      });
      expect((await store.verifyAuditChain()).ok).toBe(true);
      // Withdrawn means free: the same file imports again as a new document, version 1.
      const reimported = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '误导入.txt', bytes: seedFile(SEED_002).bytes, year: 2024 });
      expect(reimported).toMatchObject({ status: 'created', version: 1 });
      expect(reimported.documentId).not.toBe(id);
    });

    it('keeps the document when its audit entry cannot be written: deletion and entry are one transaction', async () => {
      const id = await draft('审计失败.txt');
      const before = await rowsOf(id);
      // The command's transaction, with an audit trail that refuses the entry.
      const refusing: typeof store = {
        ...store,
        transaction: (work) =>
          store.transaction((tx) =>
            work({
              ...tx,
              audit: {
                ...tx.audit,
                append: () => Promise.reject(new Error('audit entry refused')),
              },
            }),
          ),
      };
      const failing = await withdrawDocument({ store: refusing }, who(), { documentId: id }).catch((e: unknown) => e);
      expect(failing).toBeInstanceOf(Error);
      expect(await rowsOf(id)).toEqual(before);
    });

    it('refuses a submitted document, also once it was sent back to draft (its history stays), and keeps it whole', async () => {
      const id = await draft('已提交.txt');
      await transitionTarget({ store }, { actor: editor(), requestId: 'test' }, { documentId: id, action: 'submit', reason: null });
      const before = await rowsOf(id);
      const refused = await rejection(withdrawDocument({ store }, who(), { documentId: id }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('已提交过的文档不能撤回');

      const back = await transitionTarget({ store }, { actor: approver(), requestId: 'test' }, { documentId: id, action: 'send-back', reason: '请补充指标' });
      expect(back.status).toBe('draft');
      expect((await rejection(withdrawDocument({ store }, who(), { documentId: id }))).message).toContain('已提交过的文档不能撤回');
      expect(await rowsOf(id)).toEqual(before);
    });

    it('refuses a document a reviewer decided on, or one with an evaluation', async () => {
      const decided = await draft('已审核.txt');
      await store.reviews.saveDecision({ documentId: decided, version: 1, type: 'override', conclusion: '良', reason: '评审结论', by: '王财政' });
      const a = await rejection(withdrawDocument({ store }, who(), { documentId: decided }));
      expect([a.code, a.message]).toEqual(['CONFLICT', expect.stringContaining('审核意见')]);

      const evaluated = await draft('已自评.txt');
      await store.evaluations.createEvaluation({ documentId: evaluated, targetVersion: 1, kind: 'self-evaluation', period: '2024', entries: {}, by: '李填报' });
      const b = await rejection(withdrawDocument({ store }, who(), { documentId: evaluated }));
      expect([b.code, b.message]).toEqual(['CONFLICT', expect.stringContaining('自评')]);
      expect((await rowsOf(evaluated)).documents).toBe(1);
    });

    it('answers NOT_FOUND for a document that does not exist', async () => {
      expect((await rejection(withdrawDocument({ store }, who(), { documentId: 999_999 }))).code).toBe('NOT_FOUND');
    });
  });
}
