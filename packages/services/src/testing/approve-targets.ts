/**
 * For tests: approve a target document through the real workflow (submit and unit approval as the system
 * administrator, the reviewer's conclusion 良 — the computed one may not lead to 批复 — then 批复), so monitoring and
 * self-evaluation may start on it (core `decideEvaluationStart`) and the approved outputs may be written. The finance
 * steps are the administrator's, or a finance reviewer's of the given name. Answers the approved version.
 */
import type { Actor } from '@jixiao/core';
import { setConclusion } from '../review/set-conclusion';
import type { CommandDeps } from '../unit-of-work';
import { transitionTarget } from '../workflow/target-workflow';

export const TEST_ADMIN: Actor = { userId: 1, username: 'admin', displayName: '系统管理员', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export async function approveTargetsForTest(deps: CommandDeps, documentId: number, options: { reviewer?: string } = {}): Promise<number> {
  const unit = { actor: TEST_ADMIN, requestId: 'test-approve' };
  const finance = options.reviewer ? { actor: { ...TEST_ADMIN, userId: 2, username: 'wang', displayName: options.reviewer, role: 'finance-reviewer' as const }, requestId: 'test-approve' } : unit;
  await transitionTarget(deps, unit, { documentId, action: 'submit', reason: null });
  await transitionTarget(deps, unit, { documentId, action: 'approve-unit', reason: null });
  await setConclusion(deps, finance, { documentId, conclusion: '良', reason: '测试数据：评审结论为良' });
  await transitionTarget(deps, finance, { documentId, action: 'approve', reason: null });
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  if (state.approvedVersion === null) throw new Error(`document ${documentId} was not approved`);
  return state.approvedVersion;
}
