/**
 * Who is acting (overview.md "Who uses it"): the signed-in person, their role and the part of the org tree they
 * may see. Every use case that changes something takes an `Actor`, so every change can say who made it; what each
 * role may do is decided by the access rules beside this file, never by a page.
 */
export type Role = 'unit-editor' | 'unit-approver' | 'finance-reviewer' | 'third-party-reviewer' | 'admin';

export const ROLE_LABELS: Record<Role, string> = {
  'unit-editor': '单位填报人',
  'unit-approver': '单位负责人',
  'finance-reviewer': '财政审核人',
  'third-party-reviewer': '第三方评审',
  admin: '管理员',
};

export interface Actor {
  userId: number;
  username: string;
  /** 姓名, shown in the audit trail and on documents. */
  displayName: string;
  role: Role;
  /** Unit roles: the department (街道) they belong to; null for district-wide roles. */
  departmentId: number | null;
  /** Third-party reviewers: the departments assigned to them; empty for everyone else. */
  assignedDepartmentIds: readonly number[];
}
