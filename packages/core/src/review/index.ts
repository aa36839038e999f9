export * from './types';
export * from './settings';
export * from './builtin-rule-set';
export * from './context';
export * from './run-checks';
export * from './review';
export { CHECKS } from './checks';
export { findRepeat } from './checks/repeated-phrase';
