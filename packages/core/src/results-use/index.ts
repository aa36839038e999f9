export * from './settings';
export * from './builtin-rule-set';
export * from './suggest';
export * from './decide';
export * from './match';
