export * from './item';
export * from './workflow';
export * from './overdue';
export * from './todo';
export * from './evidence';
