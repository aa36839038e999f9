import { createRoute } from '@hono/zod-openapi';
import { pageOf, projectDetailDtoSchema, projectDtoSchema, searchQuerySchema } from '@jixiao/contract';
import { getProject, searchProjects } from '@jixiao/services';
import { errorResponses, idParamSchema, json, type RegisterRoutes } from './common';
import { listScope } from '../http/actor';

const list = createRoute({
  method: 'get',
  path: '/api/projects',
  operationId: 'listProjects',
  tags: ['项目'],
  summary: '项目列表：按名称或编码搜索，按部门、单位、年度筛选，分页（limit/offset，total 为总数）',
  request: { query: searchQuerySchema },
  responses: { 200: json(pageOf(projectDtoSchema), '一页项目'), 400: errorResponses[400], 500: errorResponses[500] },
});

const get = createRoute({
  method: 'get',
  path: '/api/projects/{id}',
  operationId: 'getProject',
  tags: ['项目'],
  summary: '一个项目及其全部绩效指标',
  request: { params: idParamSchema },
  responses: { 200: json(projectDetailDtoSchema, '项目及指标'), ...errorResponses },
});

export const registerProjectRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => c.json(await searchProjects(deps, { ...c.req.valid('query'), ...listScope(c) }), 200));
  app.openapi(get, async (c) => c.json(await getProject(deps, c.req.valid('param').id), 200));
};
