/**
 * User administration (issue 5 item 2): an admin creates users, sets their role and scope, disables them and resets
 * passwords. Every change is audited with the user before and after (never the password or its hash). Disabling a
 * user or resetting their password ends their sessions at once.
 */
import { ROLE_LABELS, type Role } from '@jixiao/core';
import type { ScopeLookup, SessionStore, StoredUser, UserPatch, UserStore } from './ports';
import { AppError } from '../errors';
import type { AuditLog } from '../ports';
import { recordChange, type ChangeContext } from './audit';
import { checkNewPassword, hashPassword } from './password';

export interface UserAdminDeps {
  store: { users: UserStore; sessions: SessionStore; audit: AuditLog; scope: ScopeLookup };
  now?: () => Date;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;

export interface UserScope {
  role: Role;
  departmentId: number | null;
  assignedDepartmentIds: number[];
}

export interface NewUserInput extends Partial<Pick<UserScope, 'departmentId' | 'assignedDepartmentIds'>> {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  demo?: boolean;
}

/** Unit roles need their department; third-party reviewers their assigned ones; every id must exist. */
async function checkScope(deps: UserAdminDeps, scope: UserScope): Promise<UserScope> {
  const unitRole = scope.role === 'unit-editor' || scope.role === 'unit-approver';
  const departmentId = unitRole ? scope.departmentId : null;
  const assigned = scope.role === 'third-party-reviewer' ? [...new Set(scope.assignedDepartmentIds)] : [];
  if (unitRole && departmentId === null) throw new AppError('BAD_INPUT', `${ROLE_LABELS[scope.role]}必须属于一个部门（街道），请选择部门。`);
  for (const id of [...(departmentId === null ? [] : [departmentId]), ...assigned]) {
    if ((await deps.store.scope.departmentOf('department', id)) === undefined) throw new AppError('BAD_INPUT', `找不到编号为 ${id} 的部门，请重新选择。`, { departmentId: id });
  }
  return { role: scope.role, departmentId, assignedDepartmentIds: assigned };
}

export function normaliseUsername(username: string): string {
  const name = username.trim().toLowerCase();
  if (!USERNAME.test(name)) throw new AppError('BAD_INPUT', '用户名只能用 2–50 个英文字母、数字、点、下划线或连字符，并以字母或数字开头。');
  return name;
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 50) throw new AppError('BAD_INPUT', '姓名不能为空，最多 50 个字。');
  return trimmed;
}

export async function createUser(deps: UserAdminDeps, who: ChangeContext, input: NewUserInput): Promise<StoredUser> {
  const username = normaliseUsername(input.username);
  const displayName = checkDisplayName(input.displayName);
  checkNewPassword(input.password);
  const scope = await checkScope(deps, { role: input.role, departmentId: input.departmentId ?? null, assignedDepartmentIds: input.assignedDepartmentIds ?? [] });
  const user = await deps.store.users.createUser({ username, displayName, passwordHash: await hashPassword(input.password), ...scope, demo: input.demo ?? false });
  await recordChange(deps.store.audit, who, { action: 'user.create', objectType: 'user', objectId: user.id, before: null, after: user });
  return user;
}

export async function updateUser(deps: UserAdminDeps, who: ChangeContext, id: number, patch: UserPatch): Promise<StoredUser> {
  const before = await deps.store.users.getUser(id);
  if (who.actor?.userId === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw new AppError('BAD_INPUT', '不能停用自己或取消自己的管理员角色，请让另一位管理员操作。');
  }
  const next: UserPatch = {};
  if (patch.displayName !== undefined) next.displayName = checkDisplayName(patch.displayName);
  if (patch.disabled !== undefined) next.disabled = patch.disabled;
  if (patch.role !== undefined || patch.departmentId !== undefined || patch.assignedDepartmentIds !== undefined) {
    Object.assign(
      next,
      await checkScope(deps, {
        role: patch.role ?? before.role,
        departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
        assignedDepartmentIds: patch.assignedDepartmentIds ?? before.assignedDepartmentIds,
      }),
    );
  }
  const after = await deps.store.users.updateUser(id, next);
  // A disabled user, or one whose role or scope changed, starts again from a fresh sign-in.
  const scopeChanged = after.role !== before.role || after.departmentId !== before.departmentId || after.assignedDepartmentIds.join() !== before.assignedDepartmentIds.join();
  if (after.disabled || scopeChanged) await deps.store.sessions.revokeUserSessions(id, (deps.now ?? (() => new Date()))());
  await recordChange(deps.store.audit, who, { action: after.disabled && !before.disabled ? 'user.disable' : 'user.update', objectType: 'user', objectId: id, before, after });
  return after;
}

export async function resetPassword(deps: UserAdminDeps, who: ChangeContext, id: number, password: string): Promise<void> {
  checkNewPassword(password);
  const user = await deps.store.users.getUser(id);
  const now = (deps.now ?? (() => new Date()))();
  await deps.store.users.setPasswordHash(id, await hashPassword(password), now);
  const ended = await deps.store.sessions.revokeUserSessions(id, now);
  await recordChange(deps.store.audit, who, { action: 'user.reset-password', objectType: 'user', objectId: id, before: { username: user.username }, after: { username: user.username, sessionsEnded: ended } });
}
