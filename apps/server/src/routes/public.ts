/**
 * The public page's API (信息公开, R12; decision 011), anonymous (`GET /api/public/*` in the access policy): what units
 * have published — approved targets at their published version and accepted self-evaluation results — searchable by
 * department, project or title. Nothing unpublished is reachable: the services read only the publications.
 */
import { createRoute } from '@hono/zod-openapi';
import { listOf, publicQuerySchema, publishedItemDtoSchema, publishedSelfEvaluationDtoSchema, publishedTargetsDtoSchema } from '@jixiao/contract';
import { getPublishedSelfEvaluation, getPublishedTargets, listPublished } from '@jixiao/services';
import { errorResponses, idParamSchema, json, type RegisterRoutes } from './common';

const list = createRoute({
  method: 'get',
  path: '/api/public/publications',
  operationId: 'listPublications',
  tags: ['信息公开'],
  summary: '已公开的绩效目标和绩效自评结果（无需登录），可按部门、年度、关键词（部门、项目名称）查找',
  request: { query: publicQuerySchema },
  responses: { 200: json(listOf(publishedItemDtoSchema), '已公开的材料，最新在前'), 400: errorResponses[400], 500: errorResponses[500] },
});

const targets = createRoute({
  method: 'get',
  path: '/api/public/documents/{id}',
  operationId: 'getPublishedDocument',
  tags: ['信息公开'],
  summary: '一份已公开的绩效目标（公开的批复版本；未公开时 404）',
  request: { params: idParamSchema },
  responses: { 200: json(publishedTargetsDtoSchema, '公开的绩效目标'), ...errorResponses },
});

const selfEvaluation = createRoute({
  method: 'get',
  path: '/api/public/self-evaluations/{id}',
  operationId: 'getPublishedSelfEvaluation',
  tags: ['信息公开'],
  summary: '一份已公开的绩效自评结果：总分、等级和各项目、各指标的得分（财政审核完成并公开后才有；否则 404）',
  request: { params: idParamSchema },
  responses: { 200: json(publishedSelfEvaluationDtoSchema, '公开的自评结果'), ...errorResponses },
});

export const registerPublicRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => c.json({ items: await listPublished(deps, c.req.valid('query')) }, 200));
  app.openapi(selfEvaluation, async (c) => c.json(await getPublishedSelfEvaluation(deps, { evaluationId: c.req.valid('param').id }), 200));
  app.openapi(targets, async (c) => c.json(await getPublishedTargets(deps, { documentId: c.req.valid('param').id }), 200));
};
