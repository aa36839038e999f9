/** Export a stored document (a given version, default the current one) as the interchange document it was imported as. */
import type { PerformanceDocument } from '@jixiao/core';
import type { DocumentStore } from '../ports';

export async function exportDocument(deps: { store: { documents: DocumentStore } }, input: { documentId: number; version?: number }): Promise<PerformanceDocument> {
  const { document } = await deps.store.documents.getDocument(input.documentId, input.version);
  return document;
}
