/**
 * Import a file: read it, settle its year, store it in one transaction. The same content again changes nothing
 * (`unchanged`); a changed file becomes a new version of the same document (decision 005), old versions are kept.
 */
import type { DocumentKind } from '@jixiao/core';
import type { DocumentStore, ImportOutcome } from './ports';
import { prepareImport, type ImportFileInput, type PreparedImport } from './prepare-import';

export interface ImportResult extends ImportOutcome {
  fileName: string;
  year: number;
  kind: DocumentKind;
  department: string | null;
  /** What the reader noticed about the file (warnings included in a successful import). */
  problemCount: number;
}

/** The second half of an import, for an edge that prepared it before opening the store. */
export async function savePreparedImport(deps: { store: { documents: DocumentStore } }, prepared: PreparedImport): Promise<ImportResult> {
  const { document, year, fileName, sha256 } = prepared;
  const outcome = await deps.store.documents.saveImport({ document, year, fileName, sha256 });
  return { ...outcome, fileName, year, kind: document.kind, department: document.department, problemCount: document.problems.length };
}

export async function importDocumentFile(deps: { store: { documents: DocumentStore } }, input: ImportFileInput): Promise<ImportResult> {
  return savePreparedImport(deps, await prepareImport(input));
}
