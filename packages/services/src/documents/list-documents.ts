/**
 * The stored documents (current version of each). `pageDocuments` is the API's list: filtered, scoped and paged in
 * SQL (issue 12 item 1). `listDocuments` is every document, for the command line's export.
 */
import type { DocumentSummaryDto } from '@jixiao/contract';
import type { DocumentQuery, DocumentStore, InScope } from '../ports';
import { presentDocumentSummary } from './present';

export async function listDocuments(deps: { store: { documents: DocumentStore } }, filter: { departmentId?: number; year?: number; limit?: number; after?: number } & InScope = {}): Promise<DocumentSummaryDto[]> {
  return (await deps.store.documents.listDocuments(filter)).map(presentDocumentSummary);
}

export async function pageDocuments(deps: { store: { documents: DocumentStore } }, query: DocumentQuery): Promise<{ items: DocumentSummaryDto[]; total: number }> {
  const page = await deps.store.documents.pageDocuments(query);
  return { items: page.items.map(presentDocumentSummary), total: page.total };
}
