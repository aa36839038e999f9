/**
 * Takes a target document through the real workflow to 已批复 for a test: submitted and approved by the unit, the
 * review's conclusion set to 良 by the reviewer's decision (the computed one may not lead to 批复), then approved by
 * the finance reviewer named `reviewer`.
 */
import type { Actor } from '@jixiao/core';
import type { CommandDeps } from '../unit-of-work';
import { transitionTarget } from '../workflow/target-workflow';

const ADMIN: Actor = { userId: 1, username: 'admin', displayName: '系统管理员', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export async function approveTargets(store: CommandDeps['store'], documentId: number, reviewer = '王审核'): Promise<void> {
  const unit = { actor: ADMIN, requestId: 'test' };
  const finance = { actor: { ...ADMIN, userId: 2, username: 'wang', displayName: reviewer, role: 'finance-reviewer' as const }, requestId: 'test' };
  await transitionTarget({ store }, unit, { documentId, action: 'submit', reason: null });
  await transitionTarget({ store }, unit, { documentId, action: 'approve-unit', reason: null });
  const { currentVersion } = await store.workflow.getTargetWorkflow(documentId);
  await store.reviews.saveDecision({ documentId, version: currentVersion, type: 'override', conclusion: '良', reason: '评审结论：良', by: reviewer });
  await transitionTarget({ store }, finance, { documentId, action: 'approve', reason: null });
}
