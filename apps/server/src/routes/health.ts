import { createRoute } from '@hono/zod-openapi';
import { healthDtoSchema } from '@jixiao/contract';
import { errorResponses, json, type RegisterRoutes } from './common';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'getHealth',
  tags: ['系统'],
  summary: '健康检查：服务和数据库是否可用',
  responses: { 200: json(healthDtoSchema, '服务正常'), 500: errorResponses[500] },
});

export const registerHealthRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(health, (c) => c.json({ status: 'ok' as const, database: ctx.store.kind, version: ctx.version, demo: ctx.demo }, 200));
};
