export * from './settings';
export * from './builtin-rule-sets';
export * from './score-indicator';
export * from './execution';
export * from './score-project';
export * from './score-department';
export * from './monitoring';
export * from './monitor-document';
