import { createRoute } from '@hono/zod-openapi';
import { canonicalIdSchema, indicatorDtoSchema, indicatorLibraryQuerySchema, libraryIndicatorDtoSchema, listOf, pageOf, searchQuerySchema } from '@jixiao/contract';
import { indicatorLibrary, searchIndicators } from '@jixiao/services';
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

const library = createRoute({
  method: 'get',
  path: '/api/indicator-library',
  operationId: 'getIndicatorLibrary',
  tags: ['绩效指标'],
  summary: '指标库：各部门各年度已批复的绩效指标，按名称、层级和计量单位归并，含设定次数、部门数、年度和年度指标值的分布（最小、四分位、中位数、最大）',
  request: { query: indicatorLibraryQuerySchema },
  responses: { 200: json(listOf(libraryIndicatorDtoSchema), '指标库条目，设定次数多的在前'), 400: errorResponses[400], 500: errorResponses[500] },
});

export const registerIndicatorRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(library, async (c) => c.json({ items: await indicatorLibrary({ store: ctx.store }, c.req.valid('query')) }, 200));
  app.openapi(list, async (c) => c.json(await searchIndicators({ store: ctx.store }, { ...c.req.valid('query'), ...listScope(c) }), 200));
};
