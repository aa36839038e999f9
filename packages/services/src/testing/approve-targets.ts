/**
 * For tests: approve a target document through the real workflow (submit, unit approval, the reviewer's conclusion
 * 良, 批复), as the system administrator, so monitoring and self-evaluation may start on it (core
 * `decideEvaluationStart`). Answers the approved version.
 */
import type { Actor } from '@jixiao/core';
import { setConclusion } from '../review/set-conclusion';
import type { CommandDeps } from '../unit-of-work';
import { transitionTarget } from '../workflow/target-workflow';

export const TEST_ADMIN: Actor = { userId: 1, username: 'admin', displayName: '系统管理员', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export async function approveTargetsForTest(deps: CommandDeps, documentId: number, actor: Actor = TEST_ADMIN): Promise<number> {
  const who = { actor, requestId: 'test-approve' };
  await transitionTarget(deps, who, { documentId, action: 'submit', reason: null });
  await transitionTarget(deps, who, { documentId, action: 'approve-unit', reason: null });
  await setConclusion(deps, who, { documentId, conclusion: '良', reason: '测试数据：评审结论为良' });
  await transitionTarget(deps, who, { documentId, action: 'approve', reason: null });
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  if (state.approvedVersion === null) throw new Error(`document ${documentId} was not approved`);
  return state.approvedVersion;
}
