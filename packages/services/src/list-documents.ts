/** The stored documents (current version of each), optionally of one department or year. */
import type { DocumentSummaryDto } from '@jixiao/contract';
import type { DocumentStore } from './ports';

export async function listDocuments(deps: { store: { documents: DocumentStore } }, filter: { departmentId?: number; year?: number } = {}): Promise<DocumentSummaryDto[]> {
  return deps.store.documents.listDocuments(filter);
}
