export { recordChange, SYSTEM_CHANGE } from './audit';
export type { ChangeContext } from './audit';
export { DEMO_PASSWORD, DEMO_ACCOUNTS, seedDemoUsers, removeDemoUsers } from './demo-users';
export { verifyPassword } from './password';
export type { StoredUser, NewUser, UserPatch, UserStore, SessionStore, SignInFailureStore, AuditQuery, ScopedObject, ScopeLookup } from './ports';
export { SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from './session-policy';
export { signIn, currentSession, signOut, changePassword } from './sessions';
export type { CurrentSession } from './sessions';
export { createUser, updateUser, resetPassword } from './users';
