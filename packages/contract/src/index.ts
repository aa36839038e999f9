export * from './document';
export * from './catalog';
export * from './review';
