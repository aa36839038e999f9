/**
 * Publication (信息公开, R12; decision 011): what the public page may show. Approved targets — the approved version,
 * never a draft or an adjustment under review — and self-evaluation results the finance bureau has accepted (done).
 * Who publishes is the access table's `publish` (the finance bureau publishes with the department budget and the
 * final accounts); publishing again after an approved adjustment publishes the new approved version.
 */
import type { Actor } from '../access/actor';
import { inScope, roleAllows } from '../access/permissions';
import type { EvaluationWorkflowState } from './evaluation-workflow';
import { refuse, rolesText, type Refusal } from './refusal';
import { rolesAllowed, TARGET_STATUS_LABELS, type TargetWorkflowState } from './target-workflow';

function mayPublish(actor: Actor, departmentId: number | null): Refusal | null {
  if (!roleAllows(actor.role, 'publish')) return refuse('FORBIDDEN', `只有${rolesText(rolesAllowed('publish'))}可以公开发布。`);
  if (!inScope(actor, departmentId)) return refuse('FORBIDDEN', '这份材料不属于您负责的部门，不能公开发布。');
  return null;
}

/** Publish the approved targets: answers the version to publish. `publishedVersion` is what is public now. */
export function decidePublishTargets(state: TargetWorkflowState, actor: Actor, publishedVersion: number | null): { ok: true; version: number } | Refusal {
  const denied = mayPublish(actor, state.departmentId);
  if (denied) return denied;
  if (state.approvedVersion === null) {
    return refuse('CONFLICT', `只有已批复的绩效目标才能公开；这份目标当前为「${TARGET_STATUS_LABELS[state.status]}」，请在批复后再公开。`);
  }
  if (publishedVersion === state.approvedVersion) return refuse('CONFLICT', `已批复的第 ${state.approvedVersion} 版已经公开，无需重复发布。`);
  return { ok: true, version: state.approvedVersion };
}

/**
 * Take a published self-evaluation result off the public page (撤回公开): as for targets, who may publish may
 * withdraw, with a reason the history keeps; the result stays accepted and may be published again.
 */
export function decideWithdrawEvaluationPublication(state: EvaluationWorkflowState, actor: Actor, published: boolean): { ok: true } | Refusal {
  const denied = mayPublish(actor, state.departmentId);
  if (denied) return denied;
  if (!published) return refuse('CONFLICT', '这份自评结果没有公开，无需撤回。');
  return { ok: true };
}

/**
 * Take published targets off the public page (撤回公开): who may publish may withdraw (with a reason the history
 * keeps, which the command requires); the targets stay approved, and may be published again.
 */
export function decideWithdrawTargetsPublication(state: TargetWorkflowState, actor: Actor, publishedVersion: number | null): { ok: true } | Refusal {
  const denied = mayPublish(actor, state.departmentId);
  if (denied) return denied;
  if (publishedVersion === null) return refuse('CONFLICT', '这份绩效目标没有公开，无需撤回。');
  return { ok: true };
}

/** Publish a self-evaluation's result: only a done self-evaluation (monitoring reports are internal). */
export function decidePublishEvaluation(state: EvaluationWorkflowState, actor: Actor, published: boolean): { ok: true } | Refusal {
  const denied = mayPublish(actor, state.departmentId);
  if (denied) return denied;
  if (state.kind !== 'self-evaluation') return refuse('BAD_INPUT', '运行监控是内部管理材料，不公开发布；可公开的是绩效自评结果。');
  if (state.status !== 'done') return refuse('CONFLICT', '只有财政审核完成的绩效自评结果才能公开，请在审核通过后再公开。');
  if (published) return refuse('CONFLICT', '这份自评结果已经公开，无需重复发布。');
  return { ok: true };
}
