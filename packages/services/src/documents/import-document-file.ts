/**
 * Import a file: read it, settle its year, store it in one transaction. The same content again changes nothing
 * (`unchanged`); a changed file becomes a new version of the same document (decision 005), old versions are kept.
 */
import { decideTargetEditByState, type DocumentKind } from '@jixiao/core';
import type { DocumentStore, ImportOutcome } from '../ports';
import { prepareImport, type ImportFileInput, type PreparedImport } from './prepare-import';
import { refusalError } from '../workflow/workflow-common';
import type { StoredTargetWorkflow } from '../workflow/ports';

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

/** The second half of an import, for an edge that prepared it before opening the store. */
/** `createdBy`: who imported it (kept with the version, so a stale save can say who changed the document). */
export async function savePreparedImport(deps: { store: { documents: DocumentStore } }, prepared: PreparedImport, createdBy?: string | null): Promise<ImportResult> {
  const { document, year, fileName, sha256 } = prepared;
  // A document in review or approved is not replaced by a re-import (decision 011): the guard runs under the import's lock.
  const outcome = await deps.store.documents.saveImport({ document, year, fileName, sha256, createdBy: createdBy ?? null, guard: refuseFrozenImport });
  return { ...outcome, fileName, year, kind: document.kind, department: document.department, problemCount: document.problems.length };
}

export async function importDocumentFile(deps: { store: { documents: DocumentStore } }, input: ImportFileInput): Promise<ImportResult> {
  return savePreparedImport(deps, await prepareImport(input));
}
