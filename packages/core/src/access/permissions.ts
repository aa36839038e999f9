/**
 * What each role may do (issue 5 item 1, overview.md "Who uses it"), as one table, and where: the org-tree scope.
 * The server asks `can` for every route (its access-policy table names the action and how to find the object's
 * department); pages only use it to hide what would be refused anyway.
 */
import type { Actor, Role } from './actor';

export const ACTIONS = [
  /** Departments, units, projects, indicators. */
  'catalog.read',
  /** Target documents (the interchange JSON), their versions and reviews. */
  'document.read',
  'document.import',
  /** Saves an edited target document as a new version. */
  'target.edit',
  /** Reviewer decisions: accept/dismiss/override a finding, add a finding, conclude, write the opinion. */
  'review.decide',
  'rule-set.read',
  'rule-set.manage',
  'user.manage',
  'audit.read',
  'monitoring.read',
  'monitoring.edit',
  'monitoring.submit',
  'monitoring.review',
  'self-evaluation.read',
  'self-evaluation.edit',
  'self-evaluation.submit',
  'self-evaluation.unit-approve',
  'self-evaluation.review',
  /** The unit's own workflow: submit a draft (editor), approve it inside the unit before it goes to finance (approver). */
  'workflow.submit',
  'workflow.unit-approve',
  /** Finance's decisions on a submitted document: return, approve (批复), refuse (不予安排). */
  'workflow.review',
  /** Asks for a change of an approved (frozen) target. */
  'workflow.request-adjustment',
  /** Locks and unlocks a period (year or monitoring cut-off). */
  'period.lock',
  'publish',
  /** R11: the district table of results and next year's budget suggestions; confirming or adjusting a suggestion. */
  'results-use.read',
  'results-use.decide',
  /** 整改 (issue 14 item 2): read items; create, issue (下发), verify (销号) and return them; the unit's feedback. */
  'rectification.read',
  'rectification.manage',
  'rectification.feedback',
  /** 佐证材料 (issue 14 item 3): download an attachment of an object in scope. */
  'evidence.read',
] as const;

export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['catalog.read', 'document.read', 'rule-set.read', 'monitoring.read', 'self-evaluation.read', 'results-use.read', 'rectification.read', 'evidence.read'];

/** The table. A role not listed for an action may not do it anywhere. */
const ALLOWED: Record<Role, readonly Action[]> = {
  'unit-editor': [
    ...READ,
    'document.import',
    'target.edit',
    'monitoring.edit',
    'monitoring.submit',
    'self-evaluation.edit',
    'self-evaluation.submit',
    'workflow.submit',
    'workflow.request-adjustment',
    'rectification.feedback',
  ],
  'unit-approver': [
    ...READ,
    'monitoring.submit',
    'self-evaluation.submit',
    'self-evaluation.unit-approve',
    'workflow.submit',
    'workflow.unit-approve',
    'workflow.request-adjustment',
  ],
  'finance-reviewer': [
    ...READ,
    'review.decide',
    'audit.read',
    'monitoring.review',
    'self-evaluation.review',
    'workflow.review',
    'period.lock',
    'publish',
    'results-use.decide',
    'rectification.manage',
  ],
  // No audit.read: the trail is district-wide and a firm sees only its assigned departments.
  'third-party-reviewer': [...READ, 'review.decide', 'self-evaluation.review'],
  admin: [...ACTIONS],
};

/** Actions whose object is not in any department (users, rule sets, audit): the role alone decides. */
export type Scope = { departmentId: number | null } | undefined;

export function roleAllows(role: Role, action: Action): boolean {
  return ALLOWED[role].includes(action);
}

/**
 * The departments the actor sees: `'all'` for district-wide roles, otherwise the ids (a unit's own department, a
 * third-party reviewer's assigned ones; possibly none).
 */
export function visibleDepartments(actor: Actor): 'all' | readonly number[] {
  switch (actor.role) {
    case 'admin':
    case 'finance-reviewer':
      return 'all';
    case 'third-party-reviewer':
      return actor.assignedDepartmentIds;
    case 'unit-editor':
    case 'unit-approver':
      return actor.departmentId === null ? [] : [actor.departmentId];
  }
}

/** Whether the object's department is one the actor sees. An object in no department is district-wide: only 'all'. */
export function inScope(actor: Actor, departmentId: number | null): boolean {
  const visible = visibleDepartments(actor);
  if (visible === 'all') return true;
  return departmentId !== null && visible.includes(departmentId);
}

/**
 * May the actor do `action` (on an object in `scope.departmentId`)? Without a scope only the role is checked
 * (lists are then filtered with `visibleDepartments`).
 */
export function can(actor: Actor, action: Action, scope?: Scope): boolean {
  if (!roleAllows(actor.role, action)) return false;
  if (scope === undefined) return true;
  return inScope(actor, scope.departmentId);
}

/** Why not, for the 403/404 decision at the edge: outside scope hides existence, wrong role says so. */
export function denial(actor: Actor, action: Action, scope?: Scope): 'out-of-scope' | 'role' | null {
  if (scope !== undefined && !inScope(actor, scope.departmentId)) return 'out-of-scope';
  if (!roleAllows(actor.role, action)) return 'role';
  return null;
}

export const ACTION_LABELS: Record<Action, string> = {
  'catalog.read': '查看部门与项目',
  'document.read': '查看绩效目标',
  'document.import': '导入文档',
  'target.edit': '修改绩效目标',
  'review.decide': '审核绩效目标',
  'rule-set.read': '查看评分规则',
  'rule-set.manage': '管理评分规则',
  'user.manage': '管理用户',
  'audit.read': '查看审计日志',
  'monitoring.read': '查看运行监控',
  'monitoring.edit': '填报运行监控',
  'monitoring.submit': '提交运行监控',
  'monitoring.review': '审核运行监控',
  'self-evaluation.read': '查看绩效自评',
  'self-evaluation.edit': '填报绩效自评',
  'self-evaluation.submit': '提交绩效自评',
  'self-evaluation.unit-approve': '单位审核绩效自评',
  'self-evaluation.review': '审核绩效自评',
  'workflow.submit': '提交审核',
  'workflow.unit-approve': '单位审批',
  'workflow.review': '财政审核（退回、批复、不予安排）',
  'workflow.request-adjustment': '申请调整目标',
  'period.lock': '锁定期间',
  publish: '公开发布',
  'results-use.read': '查看结果应用',
  'results-use.decide': '确认结果应用建议',
  'rectification.read': '查看整改',
  'rectification.manage': '下发、销号或退回整改',
  'rectification.feedback': '反馈整改情况',
  'evidence.read': '查看佐证材料',
};
