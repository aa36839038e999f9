/**
 * The demo accounts (issue 5 item 5): made only in demo mode, marked `demo`, and removed when the server starts
 * without it. Their passwords are public on purpose — the sign-in page lists them under 「演示模式」.
 */
import type { Role } from '@jixiao/core';
import type { CommandDeps } from '../unit-of-work';
import { recordChange, SYSTEM_CHANGE, type ChangeContext } from './audit';
import { createUser } from './users';

const DEMO_SEEDING: ChangeContext = { actor: null, requestId: 'demo-seed' };

export const DEMO_PASSWORD = 'jixiao-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Department names (as stored), matched by substring: the seed documents decide the exact names. */
  department?: string;
  assigned?: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'jinhua-editor', displayName: '金花街道填报人', role: 'unit-editor', department: '金花' },
  { username: 'jinhua-approver', displayName: '金花街道负责人', role: 'unit-approver', department: '金花' },
  { username: 'finance-reviewer', displayName: '区财政局审核人', role: 'finance-reviewer' },
  { username: 'third-party', displayName: '第三方评审（示例事务所）', role: 'third-party-reviewer', assigned: ['花地', '白云湖'] },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
];

export type DemoUserDeps = CommandDeps;

/** Creates the demo accounts that do not exist yet (an account whose department is not in the data is skipped). */
export async function seedDemoUsers(deps: DemoUserDeps): Promise<string[]> {
  const departments = await deps.store.catalog.listDepartmentNames();
  const idOf = (part: string) => departments.find((d) => d.name.includes(part))?.id;
  const existing = new Set((await deps.store.users.listUsers()).map((u) => u.username));
  const made: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.username)) continue;
    const departmentId = account.department === undefined ? null : (idOf(account.department) ?? null);
    if (account.department !== undefined && departmentId === null) continue;
    const assigned = (account.assigned ?? []).map(idOf).filter((id): id is number => id !== undefined);
    await createUser(deps, DEMO_SEEDING, { ...account, password: DEMO_PASSWORD, departmentId, assignedDepartmentIds: assigned, demo: true });
    made.push(account.username);
  }
  return made;
}

/** Outside demo mode: the demo accounts must not exist (a system that was once a demo keeps no known passwords). */
export async function removeDemoUsers(deps: CommandDeps): Promise<number> {
  return deps.store.transaction(async (tx) => {
    const removed = await tx.users.removeDemoUsers();
    if (removed > 0) await recordChange(tx.audit, SYSTEM_CHANGE, { action: 'user.remove-demo', objectType: 'user', objectId: '*', before: { count: removed }, after: null });
    return removed;
  });
}
