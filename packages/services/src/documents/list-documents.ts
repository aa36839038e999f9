/**
 * The stored documents (current version of each), optionally of one department or year, within the actor's departments;
 * every one, or a page of `limit` after the id `after` (keyset, in id order).
 */
import type { DocumentSummaryDto } from '@jixiao/contract';
import type { DocumentStore, InScope } from '../ports';
import { presentDocumentSummary } from './present';

export async function listDocuments(deps: { store: { documents: DocumentStore } }, filter: { departmentId?: number; year?: number; limit?: number; after?: number } & InScope = {}): Promise<DocumentSummaryDto[]> {
  return (await deps.store.documents.listDocuments(filter)).map(presentDocumentSummary);
}
