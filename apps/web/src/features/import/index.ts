/** What other features may use of the documents and their import (the rest of the folder is this feature's own). */
export { ACCEPTED_FILES, DOCUMENT_KIND_LABELS, documentKeys, getDocument, listDocuments, uploadDocument, type DocumentListQuery, type InterchangeDocument } from './api';
