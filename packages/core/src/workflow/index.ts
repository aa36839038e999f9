export * from './refusal';
export * from './target-workflow';
export * from './evaluation-workflow';
export * from './period-lock';
export * from './publication';
export * from './deadlines';
export * from './todo';
export * from './audit-labels';
