export * from './errors';
export * from './ports';
export * from './prepare-import';
export * from './import-document-file';
export * from './export-document';
export * from './list-documents';
export * from './seed-demo-data';
