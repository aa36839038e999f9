export { exportDocument } from './export-document';
export { savePreparedImport, importDocumentFile, previewDocumentFile } from './import-document-file';
export type { ImportResult } from './import-document-file';
export { listDocuments } from './list-documents';
export { prepareImport } from './prepare-import';
export { saveEditedDocument } from './save-edited-document';
export { resolveTargetVersion } from './target-version';
export { withdrawDocument } from './withdraw-document';
export type { WithdrawnDocument, DocumentWithdrawal } from './withdraw-document';
