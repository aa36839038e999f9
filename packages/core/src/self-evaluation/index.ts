export * from './entries';
export * from './apply-entries';
export * from './score-self-evaluation';
