import { createRoute } from '@hono/zod-openapi';
import { canonicalIdSchema, indicatorDtoSchema, pageOf, searchQuerySchema } from '@jixiao/contract';
import { searchIndicators } from '@jixiao/services';
import { errorResponses, json, type RegisterRoutes } from './common';
import { listScope } from '../http/actor';

const listQuery = searchQuerySchema.extend({ projectId: canonicalIdSchema.optional() });

const list = createRoute({
  method: 'get',
  path: '/api/indicators',
  operationId: 'listIndicators',
  tags: ['绩效指标'],
  summary: '绩效指标：按名称搜索，按项目、部门、单位、年度筛选，分页',
  request: { query: listQuery },
  responses: { 200: json(pageOf(indicatorDtoSchema), '一页指标'), 400: errorResponses[400], 500: errorResponses[500] },
});

export const registerIndicatorRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(list, async (c) => c.json(await searchIndicators({ store: ctx.store }, { ...c.req.valid('query'), ...listScope(c) }), 200));
};
