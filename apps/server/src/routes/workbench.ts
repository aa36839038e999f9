/**
 * 工作台 (issue 13 item 2): what waits for the signed-in person and what they did last. Every role has one; what is
 * on it follows from the person's role and departments (services workbench/), so the route needs only a session.
 */
import { createRoute } from '@hono/zod-openapi';
import { workbenchDtoSchema } from '@jixiao/contract';
import { getWorkbench } from '@jixiao/services';
import { actorOf } from '../http/actor';
import { accessResponses, errorResponses, json, type RegisterRoutes } from './common';

const workbench = createRoute({
  method: 'get',
  path: '/api/workbench',
  operationId: 'getWorkbench',
  tags: ['工作台'],
  summary: '我的待办（可办理的目标、监控、自评，到期和逾期的填报）与最近操作',
  responses: { 200: json(workbenchDtoSchema, '工作台'), ...errorResponses, ...accessResponses },
});

export const registerWorkbenchRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(workbench, async (c) => c.json(await getWorkbench(ctx, actorOf(c), ctx.now()), 200));
};
