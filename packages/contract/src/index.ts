export * from './document';
export * from './catalog';
