/**
 * User administration (issue 5 item 2): an admin creates users, sets their role and scope, disables them and resets
 * passwords. Every change is audited with the user before and after (never the password or its hash). Disabling a
 * user or resetting their password ends their sessions at once.
 */
import { ROLE_LABELS, type Role } from '@jixiao/core';
import type { StoredUser, UserPatch } from './ports';
import { AppError } from '../errors';
import type { CommandDeps, Repositories } from '../unit-of-work';
import { recordChange, type ChangeContext } from './audit';
import { checkNewPassword, hashPassword } from './password';

/** Every change is one transaction with its audit entry; password hashing (the slow part) happens before it opens. */
export interface UserAdminDeps extends CommandDeps {
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
async function checkScope(store: Pick<Repositories, 'scope'>, scope: UserScope): Promise<UserScope> {
  const unitRole = scope.role === 'unit-editor' || scope.role === 'unit-approver';
  const departmentId = unitRole ? scope.departmentId : null;
  const assigned = scope.role === 'third-party-reviewer' ? [...new Set(scope.assignedDepartmentIds)] : [];
  if (unitRole && departmentId === null) throw new AppError('BAD_INPUT', `${ROLE_LABELS[scope.role]}必须属于一个部门（街道），请选择部门。`);
  for (const id of [...(departmentId === null ? [] : [departmentId]), ...assigned]) {
    if ((await store.scope.departmentOf('department', id)) === undefined) throw new AppError('BAD_INPUT', `找不到编号为 ${id} 的部门，请重新选择。`, { departmentId: id });
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
  const passwordHash = await hashPassword(input.password);
  return deps.store.transaction(async (tx) => {
    const scope = await checkScope(tx, { role: input.role, departmentId: input.departmentId ?? null, assignedDepartmentIds: input.assignedDepartmentIds ?? [] });
    const user = await tx.users.createUser({ username, displayName, passwordHash, ...scope, demo: input.demo ?? false });
    await recordChange(tx.audit, who, { action: 'user.create', objectType: 'user', objectId: user.id, before: null, after: user });
    return user;
  });
}

export async function updateUser(deps: UserAdminDeps, who: ChangeContext, id: number, patch: UserPatch): Promise<StoredUser> {
  return deps.store.transaction(async (tx) => {
  const before = await tx.users.getUser(id);
  if (who.actor?.userId === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw new AppError('BAD_INPUT', '不能停用自己或取消自己的管理员角色，请让另一位管理员操作。');
  }
  const next: UserPatch = {};
  if (patch.displayName !== undefined) next.displayName = checkDisplayName(patch.displayName);
  if (patch.disabled !== undefined) next.disabled = patch.disabled;
  if (patch.role !== undefined || patch.departmentId !== undefined || patch.assignedDepartmentIds !== undefined) {
    Object.assign(
      next,
      await checkScope(tx, {
        role: patch.role ?? before.role,
        departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
        assignedDepartmentIds: patch.assignedDepartmentIds ?? before.assignedDepartmentIds,
      }),
    );
  }
  const after = await tx.users.updateUser(id, next);
  // A disabled user, or one whose role or scope changed, starts again from a fresh sign-in.
  const scopeChanged = after.role !== before.role || after.departmentId !== before.departmentId || after.assignedDepartmentIds.join() !== before.assignedDepartmentIds.join();
  if (after.disabled || scopeChanged) await tx.sessions.revokeUserSessions(id, (deps.now ?? (() => new Date()))());
  await recordChange(tx.audit, who, { action: after.disabled && !before.disabled ? 'user.disable' : 'user.update', objectType: 'user', objectId: id, before, after });
  return after;
  });
}

export async function resetPassword(deps: UserAdminDeps, who: ChangeContext, id: number, password: string): Promise<void> {
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  const now = (deps.now ?? (() => new Date()))();
  await deps.store.transaction(async (tx) => {
    const user = await tx.users.getUser(id);
    await tx.users.setPasswordHash(id, passwordHash, now);
    const ended = await tx.sessions.revokeUserSessions(id, now);
    await recordChange(tx.audit, who, { action: 'user.reset-password', objectType: 'user', objectId: id, before: { username: user.username }, after: { username: user.username, sessionsEnded: ended } });
  });
}
