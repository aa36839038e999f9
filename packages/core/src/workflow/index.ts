export * from './refusal';
export * from './target-workflow';
export * from './evaluation-workflow';
export * from './period-lock';
export * from './publication';
