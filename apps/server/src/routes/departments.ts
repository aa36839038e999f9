import { createRoute } from '@hono/zod-openapi';
import { departmentDtoSchema, listOf, searchQuerySchema, unitDtoSchema } from '@jixiao/contract';
import { getDepartment, listDepartments, listUnits } from '@jixiao/services';
import { errorResponses, idParamSchema, json, type RegisterRoutes } from './common';
import { listScope } from '../http/actor';

const listQuery = searchQuerySchema.pick({ search: true, year: true });
const unitsQuery = searchQuerySchema.pick({ search: true });

const list = createRoute({
  method: 'get',
  path: '/api/departments',
  operationId: 'listDepartments',
  tags: ['部门'],
  summary: '部门列表（可按名称搜索、按年度筛选），含单位数、项目数、指标数和项目金额合计',
  request: { query: listQuery },
  responses: { 200: json(listOf(departmentDtoSchema), '部门列表'), 400: errorResponses[400], 500: errorResponses[500] },
});

const get = createRoute({
  method: 'get',
  path: '/api/departments/{id}',
  operationId: 'getDepartment',
  tags: ['部门'],
  summary: '一个部门',
  request: { params: idParamSchema },
  responses: { 200: json(departmentDtoSchema, '部门'), ...errorResponses },
});

const units = createRoute({
  method: 'get',
  path: '/api/departments/{id}/units',
  operationId: 'listDepartmentUnits',
  tags: ['部门'],
  summary: '部门下属的预算单位（部门本身也是一个单位）',
  request: { params: idParamSchema, query: unitsQuery },
  responses: { 200: json(listOf(unitDtoSchema), '预算单位列表'), ...errorResponses },
});

export const registerDepartmentRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => c.json({ items: await listDepartments(deps, { ...c.req.valid('query'), ...listScope(c) }) }, 200));
  app.openapi(get, async (c) => c.json(await getDepartment(deps, c.req.valid('param').id), 200));
  app.openapi(units, async (c) => {
    const { id } = c.req.valid('param');
    // Ask for the department first so an unknown id is a 404, not an empty list.
    await getDepartment(deps, id);
    const { search } = c.req.valid('query');
    return c.json({ items: await listUnits(deps, { departmentId: id, ...(search ? { search } : {}) }) }, 200);
  });
};
