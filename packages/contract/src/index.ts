export * from './document';
export * from './catalog';
export * from './review';
export * from './rule-set';
