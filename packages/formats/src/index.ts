export * from './errors';
export * from './limits';
export * from './read-document';
export * from './text/layout';
export { TEXT_LAYOUTS, pickTextLayout } from './text/registry';
export { decodeText } from './text/decode';
export { sha256Hex } from './hash';
export { writeProjectTargetsTemplate } from './xlsx/write-project-template';
export { writeDepartmentTargetsTemplate } from './xlsx/write-department-template';
