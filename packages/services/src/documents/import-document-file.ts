/**
 * Import a file: read it, settle its year, store it as one change. The same content again changes nothing
 * (`unchanged`); a changed file becomes a new version of the same document (decision 005), old versions are kept.
 * The change — the department check, the workflow's word under the document's row lock, the new version and its
 * audit entry — is one transaction.
 */
import { decideTargetEditByState, departmentNameOf, visibleDepartments, type DocumentKind } from '@jixiao/core';
import { recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { ImportOutcome } from '../ports';
import type { CommandDeps, Repositories } from '../unit-of-work';
import { refusalError } from '../workflow/workflow-common';
import type { StoredTargetWorkflow } from '../workflow/ports';
import { prepareImport, type ImportFileInput, type PreparedImport } from './prepare-import';
import { previewImport } from './preview-import';

function refuseFrozenImport(current: StoredTargetWorkflow): void {
  const decided = decideTargetEditByState(current);
  if (!decided.ok) throw refusalError(decided, { by: current.updatedBy, at: current.updatedAt });
}

export interface ImportResult extends ImportOutcome {
  fileName: string;
  year: number;
  kind: DocumentKind;
  department: string | null;
  /** What the reader noticed about the file (warnings included in a successful import). */
  problemCount: number;
}

/**
 * A person whose role sees only some departments may import (or preview) only their documents (decision 010): the
 * file names the department. District-wide roles, the command line and the system see every department.
 */
export async function refuseOutsideScope(store: Pick<Repositories, 'catalog'>, who: ChangeContext, prepared: PreparedImport): Promise<void> {
  if (!who.actor) return;
  const visible = visibleDepartments(who.actor);
  if (visible === 'all') return;
  const name = departmentNameOf(prepared.document);
  const names = (await store.catalog.listDepartmentNames({ inDepartments: visible })).map((d) => d.name);
  if (name !== null && names.includes(name)) return;
  throw new AppError('FORBIDDEN', `只能导入本部门（${names.join('、') || '无'}）的文档；该文件属于「${name ?? '未写明部门'}」。`);
}

/** The second half of an import, for an edge that read the file before opening the store (the command line). */
export async function savePreparedImport(deps: CommandDeps, who: ChangeContext, prepared: PreparedImport): Promise<ImportResult> {
  const { document, year, fileName, sha256 } = prepared;
  // The rows, the gzipped JSON and the COPY lines are made here, before the transaction: on PGlite's one connection
  // every other request waits while a transaction is open (issue 12 item 7).
  const packed = deps.store.documents.packImport(document, year);
  return deps.store.transaction(async (tx) => {
    await refuseOutsideScope(tx, who, prepared);
    // A document in review or approved is not replaced by a re-import (decision 011): the guard runs under the import's lock.
    const outcome = await tx.documents.saveImport({ document, year, fileName, sha256, packed, createdBy: who.actor?.displayName ?? null, guard: refuseFrozenImport });
    const result: ImportResult = { ...outcome, fileName, year, kind: document.kind, department: document.department, problemCount: document.problems.length };
    if (outcome.status !== 'unchanged') {
      await recordChange(tx.audit, who, {
        action: 'document.import',
        objectType: 'document',
        objectId: outcome.documentId,
        before: outcome.status === 'created' ? null : { version: outcome.version - 1 },
        after: { ...result, sha256 },
      });
    }
    return result;
  });
}

/** Reads the file (in a worker, outside any transaction) and stores it as one change. */
export async function importDocumentFile(deps: CommandDeps, who: ChangeContext, input: ImportFileInput): Promise<ImportResult> {
  return savePreparedImport(deps, who, await prepareImport(input));
}

/** The preview reads exactly as the import does (same worker, same refusals, same department check) and stores nothing. */
export async function previewDocumentFile(deps: { store: Pick<Repositories, 'catalog'> }, who: ChangeContext, input: ImportFileInput): Promise<ReturnType<typeof previewImport>> {
  const prepared = await prepareImport(input);
  await refuseOutsideScope(deps.store, who, prepared);
  return previewImport(prepared);
}
