/**
 * The workflow (R9, R12, decision 011): a target document's state, history and the actions the signed-in person
 * may take; one route per transition (so the access policy names the permission each needs); publication of the
 * approved version; the same for monitoring reports and self-evaluations; period locks. Every transition is decided
 * by the core under the object's row lock and appended to the audit trail by the services.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  evaluationWorkflowDtoSchema,
  periodLockRequestSchema,
  periodLocksDtoSchema,
  targetActionSchema,
  targetChangesDtoSchema,
  targetWorkflowDtoSchema,
  type TargetWorkflowDto,
} from '@jixiao/contract';
import { EVALUATION_ACTIONS, type EvaluationAction, type TargetAction } from '@jixiao/core';
import { getEvaluationWorkflow, getTargetChanges, getTargetWorkflow, listPeriodLocks, publishEvaluation, publishTargets, setPeriodLock, withdrawTargetsPublication, withdrawEvaluationPublication, submitEvaluation, transitionEvaluation, transitionTarget } from '@jixiao/services';
import { actorOf, changeContext } from '../http/actor';
import { accessResponses, errorResponses, idParamSchema, json, jsonBody, type App, type RegisterRoutes } from './common';

const conflict = { 409: { description: '当前状态不允许（message 说明状态、应由谁办理；已被他人办理时说明是谁）', content: errorResponses[400].content } } as const;
const responses = <T extends z.ZodType>(schema: T, description: string) => ({ 200: json(schema, description), ...errorResponses, ...accessResponses, ...conflict });

const transitionBody = z.strictObject({
  reason: z.string().trim().max(2000).optional().openapi({ description: '理由或审核意见（退回、不予安排、单位退回、申请调整时必填）' }),
  baseRevision: z.number().int().min(0).optional().openapi({ description: '页面上看到的流程版本号；他人已办理时拒绝（409）' }),
});

/** The path segment of each target transition (the access policy has one row per path). */
export const TARGET_TRANSITION_PATHS: Record<TargetAction, string> = {
  submit: 'submit',
  'send-back': 'send-back',
  'approve-unit': 'approve-unit',
  return: 'return',
  approve: 'approve',
  reject: 'reject',
  'request-adjustment': 'request-adjustment',
};

/** OpenAPI operation ids (stable names for districts' scripts). */
const TARGET_OPERATION_IDS: Record<TargetAction, string> = {
  submit: 'submitTarget',
  'send-back': 'sendBackTarget',
  'approve-unit': 'approveTargetForUnit',
  return: 'returnTarget',
  approve: 'approveTarget',
  reject: 'rejectTarget',
  'request-adjustment': 'requestTargetAdjustment',
};

const TARGET_SUMMARIES: Record<TargetAction, string> = {
  submit: '提交（填报人提交单位负责人审批；退回后须先修改形成新版本，作为新一轮）',
  'send-back': '单位负责人退回填报人修改（须写明理由）',
  'approve-unit': '单位负责人审批通过，报送财政审核',
  return: '财政审核：评审结论为「中」时退回修改（须写明审核意见）',
  approve: '财政审核：评审结论为「优」「良」时批复（批复版本冻结）',
  reject: '财政审核：评审结论为「差」时不予安排（须写明理由）',
  'request-adjustment': '对已批复的目标申请调整（须写明原因）：形成调整草稿，重新走审核，批复前原版本继续有效',
};

const getTarget = createRoute({
  method: 'get',
  path: '/api/documents/{id}/workflow',
  operationId: 'getTargetWorkflow',
  tags: ['流程'],
  summary: '绩效目标的流程状态、轮次、批复版本、公开情况、流转记录，以及当前用户可办理的操作',
  request: { params: idParamSchema },
  responses: responses(targetWorkflowDtoSchema, '流程状态'),
});

const getAdjustmentChanges = createRoute({
  method: 'get',
  path: '/api/documents/{id}/adjustment-changes',
  operationId: 'getTargetChanges',
  tags: ['流程'],
  summary: '目标调整：与批复版本对照，列出新增、删除和调整的项目与指标（原值、新值）及申请调整的理由',
  request: { params: idParamSchema },
  responses: responses(targetChangesDtoSchema, '调整前后对照'),
});

function targetTransitionRoute(action: TargetAction) {
  return createRoute({
    method: 'post',
    path: `/api/documents/{id}/workflow/${TARGET_TRANSITION_PATHS[action]}`,
    operationId: TARGET_OPERATION_IDS[action],
    tags: ['流程'],
    summary: TARGET_SUMMARIES[action],
    request: { params: idParamSchema, body: jsonBody(transitionBody) },
    responses: responses(targetWorkflowDtoSchema, '办理后的流程状态'),
  });
}

const publishTarget = createRoute({
  method: 'post',
  path: '/api/documents/{id}/publication',
  operationId: 'publishTarget',
  tags: ['流程'],
  summary: '公开已批复的绩效目标（公开的是批复版本；调整批复后可再次公开新版本）',
  request: { params: idParamSchema },
  responses: responses(targetWorkflowDtoSchema, '公开后的流程状态'),
});

const withdrawTargetPublication = createRoute({
  method: 'post',
  path: '/api/documents/{id}/publication/withdrawal',
  operationId: 'withdrawTargetPublication',
  tags: ['流程'],
  summary: '撤回公开：已公开的绩效目标不再在信息公开页显示（仍为已批复，可再次公开）；须写明理由，记入审计',
  request: { params: idParamSchema, body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(2000).openapi({ description: '撤回公开的理由' }) })) },
  responses: responses(targetWorkflowDtoSchema, '撤回后的流程状态'),
});

const getEvaluation = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/workflow',
  operationId: 'getEvaluationWorkflow',
  tags: ['流程'],
  summary: '运行监控或绩效自评的流程状态、期间锁定、流转记录和当前用户可办理的操作',
  request: { params: idParamSchema },
  responses: responses(evaluationWorkflowDtoSchema, '流程状态'),
});

const EVALUATION_SUMMARIES: Record<EvaluationAction, string> = {
  submit: '提交运行监控或绩效自评（草稿或退回时；与填报页的「提交」相同：未填完时 400 并列出，提交后保存评分）',
  'approve-unit': '单位负责人审核通过绩效自评，报送财政（运行监控没有这一步）',
  'send-back': '单位负责人退回填报人修改绩效自评（须写明理由）',
  accept: '财政审核通过（已完成）',
  return: '财政退回修改（须写明理由）',
};

const EVALUATION_OPERATION_IDS: Record<EvaluationAction, string> = {
  submit: 'submitEvaluation',
  'approve-unit': 'approveEvaluationForUnit',
  'send-back': 'sendBackEvaluation',
  accept: 'acceptEvaluation',
  return: 'returnEvaluation',
};

function evaluationTransitionRoute(action: EvaluationAction) {
  return createRoute({
    method: 'post',
    path: `/api/evaluations/{id}/workflow/${action}`,
    operationId: EVALUATION_OPERATION_IDS[action],
    tags: ['流程'],
    summary: EVALUATION_SUMMARIES[action],
    request: { params: idParamSchema, body: jsonBody(transitionBody.omit({ baseRevision: true })) },
    responses: responses(evaluationWorkflowDtoSchema, '办理后的流程状态'),
  });
}

const publishEvaluationRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/publication',
  operationId: 'publishEvaluation',
  tags: ['流程'],
  summary: '公开审核完成的绩效自评结果（运行监控不公开）',
  request: { params: idParamSchema },
  responses: responses(evaluationWorkflowDtoSchema, '公开后的流程状态'),
});

const withdrawEvaluationPublicationRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/publication/withdrawal',
  operationId: 'withdrawEvaluationPublication',
  tags: ['流程'],
  summary: '撤回公开：已公开的绩效自评结果不再在信息公开页显示（仍为审核完成，可再次公开）；须写明理由，记入审计',
  request: { params: idParamSchema, body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(2000).openapi({ description: '撤回公开的理由' }) })) },
  responses: responses(evaluationWorkflowDtoSchema, '撤回后的流程状态'),
});

const listLocks = createRoute({
  method: 'get',
  path: '/api/period-locks',
  operationId: 'listPeriodLocks',
  tags: ['流程'],
  summary: '当前锁定的期间和锁定记录（年度 2024 锁定全年监控和自评；月份 2024-07 只锁定该月监控）',
  responses: responses(periodLocksDtoSchema, '期间锁定'),
});

const changeLock = createRoute({
  method: 'put',
  path: '/api/period-locks',
  operationId: 'changePeriodLock',
  tags: ['流程'],
  summary: '锁定或解除锁定一个期间（解除须写明理由）',
  request: { body: jsonBody(periodLockRequestSchema) },
  responses: responses(periodLocksDtoSchema, '锁定后的期间'),
});

function registerTargetTransitions(app: App, deps: Parameters<typeof transitionTarget>[0]): void {
  for (const action of targetActionSchema.options) {
    app.openapi(targetTransitionRoute(action), async (c) => {
      const { reason, baseRevision } = c.req.valid('json');
      const result: TargetWorkflowDto = await transitionTarget(deps, changeContext(c), {
        documentId: c.req.valid('param').id,
        action,
        reason: reason ?? null,
        ...(baseRevision !== undefined ? { baseRevision } : {}),
      });
      return c.json(result, 200);
    });
  }
}

export const registerWorkflowRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(getTarget, async (c) => c.json(await getTargetWorkflow(deps, { documentId: c.req.valid('param').id, actor: actorOf(c) }), 200));
  app.openapi(getAdjustmentChanges, async (c) => c.json(await getTargetChanges(deps, c.req.valid('param').id), 200));
  registerTargetTransitions(app, deps);
  app.openapi(publishTarget, async (c) => c.json(await publishTargets(deps, changeContext(c), { documentId: c.req.valid('param').id }), 200));
  app.openapi(withdrawTargetPublication, async (c) => c.json(await withdrawTargetsPublication(deps, changeContext(c), { documentId: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));

  app.openapi(getEvaluation, async (c) => c.json(await getEvaluationWorkflow(deps, { evaluationId: c.req.valid('param').id, actor: actorOf(c) }), 200));
  for (const action of EVALUATION_ACTIONS) {
    app.openapi(evaluationTransitionRoute(action), async (c) => {
      const { reason } = c.req.valid('json');
      const evaluationId = c.req.valid('param').id;
      // 提交 checks completeness and keeps the score, as the entry pages' own 提交 does.
      if (action === 'submit') return c.json(await submitEvaluation(deps, changeContext(c), { evaluationId }), 200);
      return c.json(await transitionEvaluation(deps, changeContext(c), { evaluationId, action, reason: reason ?? null }), 200);
    });
  }
  app.openapi(publishEvaluationRoute, async (c) => c.json(await publishEvaluation(deps, changeContext(c), { evaluationId: c.req.valid('param').id }), 200));
  app.openapi(withdrawEvaluationPublicationRoute, async (c) =>
    c.json(await withdrawEvaluationPublication(deps, changeContext(c), { evaluationId: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200),
  );

  app.openapi(listLocks, async (c) => c.json(await listPeriodLocks(deps), 200));
  app.openapi(changeLock, async (c) => {
    const { period, locked, reason } = c.req.valid('json');
    return c.json(await setPeriodLock(deps, changeContext(c), { period, locked, reason: reason ?? null }), 200);
  });
};
