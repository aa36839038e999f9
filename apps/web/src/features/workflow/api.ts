/** The workflow API (decision 011): a document's state and history, its transitions, publication, period locks. */
import { evaluationWorkflowDtoSchema, periodLocksDtoSchema, rollOverResultDtoSchema, targetChangesDtoSchema, targetWorkflowDtoSchema, type EvaluationWorkflowDto, type RollOverResultDto, type TargetChangesDto, type TargetWorkflowDto } from '@jixiao/contract';
import type { EvaluationAction, TargetAction } from '@jixiao/core';
import type { z } from 'zod';
import { getJson, sendJson } from '../../lib/http';

export type { EvaluationWorkflowDto, TargetWorkflowDto };

export function getTargetWorkflow(documentId: number, signal?: AbortSignal): Promise<TargetWorkflowDto> {
  return getJson(targetWorkflowDtoSchema, `/api/documents/${documentId}/workflow`, {}, signal);
}

/** One transition; `baseRevision` is the state the page showed, so acting on a stale page is refused (409). */
export function transitionTarget(documentId: number, action: TargetAction, body: { reason?: string; baseRevision: number }): Promise<TargetWorkflowDto> {
  return sendJson(targetWorkflowDtoSchema, 'POST', `/api/documents/${documentId}/workflow/${action}`, body);
}

export function publishTargets(documentId: number): Promise<TargetWorkflowDto> {
  return sendJson(targetWorkflowDtoSchema, 'POST', `/api/documents/${documentId}/publication`, {});
}

/** 撤回公开: off the public page, with the reason the audit trail keeps. */
export function withdrawTargetsPublication(documentId: number, reason: string): Promise<TargetWorkflowDto> {
  return sendJson(targetWorkflowDtoSchema, 'POST', `/api/documents/${documentId}/publication/withdrawal`, { reason });
}

/** 结转: next year's draft from the approved version (issue 13 item 6). */
export function rollOverTargets(documentId: number, body: { toYear?: number; keepAmounts: boolean }): Promise<RollOverResultDto> {
  return sendJson(rollOverResultDtoSchema, 'POST', `/api/documents/${documentId}/rollover`, body);
}

/** Colours of the status tags: waiting on the unit, on finance, done, refused. */
export const STATUS_COLORS: Record<TargetWorkflowDto['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  'in-review': 'blue',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
};

/** What a reason dialog asks for, per action. */
export const REASON_PROMPTS: Partial<Record<TargetAction, { title: string; placeholder: string }>> = {
  return: { title: '退回修改：审核意见', placeholder: '写明需要修改的地方，例如：社区居民活动费缺少年度指标值，请补充。' },
  reject: { title: '不予安排：理由', placeholder: '写明不予安排的理由。' },
  'send-back': { title: '退回填报人：理由', placeholder: '写明需要填报人修改的地方。' },
  'request-adjustment': { title: '申请调整：原因', placeholder: '写明调整的原因，例如：项目实施内容变化。' },
};

/**
 * What a person is told before an action that moves a document on for good (issue 13 item 7): each is confirmed
 * first. Those that ask for a reason (REASON_PROMPTS) are confirmed by their dialog.
 */
export const TARGET_CONFIRMATIONS: Partial<Record<TargetAction, string>> = {
  submit: '提交后由单位负责人审批，审批前不能再修改。',
  'approve-unit': '审批通过后报送财政审核，本单位不能再修改。',
  approve: '批复后，本版本成为批复版本：运行监控和绩效自评都以它为准，只能通过申请调整来改变。',
};
export const EVALUATION_CONFIRMATIONS: Partial<Record<EvaluationAction, string>> = {
  submit: '提交后等待审核，审核人退回前不能再修改。',
  'approve-unit': '单位审核通过后报送财政审核，财政退回前单位不能再修改。',
  accept: '审核通过后本报告完成，不能再修改。',
};
export const PUBLISH_CONFIRMATION = '公开后，任何人不用登录就能在「信息公开」页看到这些内容。';

export function getEvaluationWorkflow(evaluationId: number, signal?: AbortSignal): Promise<EvaluationWorkflowDto> {
  return getJson(evaluationWorkflowDtoSchema, `/api/evaluations/${evaluationId}/workflow`, {}, signal);
}

export function transitionEvaluation(evaluationId: number, action: EvaluationAction, body: { reason?: string }): Promise<EvaluationWorkflowDto> {
  return sendJson(evaluationWorkflowDtoSchema, 'POST', `/api/evaluations/${evaluationId}/workflow/${action}`, body);
}

export function publishEvaluation(evaluationId: number): Promise<EvaluationWorkflowDto> {
  return sendJson(evaluationWorkflowDtoSchema, 'POST', `/api/evaluations/${evaluationId}/publication`, {});
}

/** 撤回公开 of a self-evaluation result, with the reason the history keeps. */
export function withdrawEvaluationPublication(evaluationId: number, reason: string): Promise<EvaluationWorkflowDto> {
  return sendJson(evaluationWorkflowDtoSchema, 'POST', `/api/evaluations/${evaluationId}/publication/withdrawal`, { reason });
}

export type PeriodLocksDto = z.infer<typeof periodLocksDtoSchema>;

export function getPeriodLocks(signal?: AbortSignal): Promise<PeriodLocksDto> {
  return getJson(periodLocksDtoSchema, '/api/period-locks', {}, signal);
}

export function setPeriodLock(body: { period: string; locked: boolean; reason?: string }): Promise<PeriodLocksDto> {
  return sendJson(periodLocksDtoSchema, 'PUT', '/api/period-locks', body);
}

/** Query keys of the workflow (decision 018); `at` is what the page showed when it asked (a new version, a new revision). */
export const workflowKeys = {
  all: ['workflow'] as const,
  target: (documentId: number, at: { version: number; conclusion: string | null }) => ['workflow', 'target', documentId, at] as const,
  changes: (documentId: number, version: number) => ['workflow', 'changes', documentId, version] as const,
  evaluation: (evaluationId: number, revision: number) => ['workflow', 'evaluation', evaluationId, revision] as const,
  locks: () => ['workflow', 'period-locks'] as const,
};

/** An adjustment side by side with the approved version (empty when the document is not an adjustment). */
export function getTargetChanges(documentId: number, signal?: AbortSignal): Promise<TargetChangesDto> {
  return getJson(targetChangesDtoSchema, `/api/documents/${documentId}/adjustment-changes`, {}, signal);
}
