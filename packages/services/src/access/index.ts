export * from './password';
export * from './audit';
export * from './actor-of';
export * from './session-policy';
export * from './sessions';
export * from './users';
export * from './demo-users';
