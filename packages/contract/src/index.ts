export * from './document';
export * from './catalog';
export * from './review';
export * from './rule-set';
export * from './self-evaluation';
export * from './monitoring';
export * from './workflow';
export * from './access';
