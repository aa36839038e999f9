/**
 * User administration (admin only, by the access policy): list, create with role and scope, change role, scope or
 * name, disable, reset a password. Every change is in the audit trail; passwords never appear in a response.
 */
import { createRoute } from '@hono/zod-openapi';
import { createUserRequestSchema, listOf, resetPasswordRequestSchema, updateUserRequestSchema, userDtoSchema } from '@jixiao/contract';
import { createUser, resetPassword, updateUser, type UserPatch } from '@jixiao/services';
import { changeContext } from '../http/actor';
import { accessResponses, errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';

const conflict = { 409: { description: '用户名已被使用', content: errorResponses[400].content } } as const;

const list = createRoute({
  method: 'get',
  path: '/api/users',
  operationId: 'listUsers',
  tags: ['用户'],
  summary: '全部用户（含已停用的）',
  responses: { 200: json(listOf(userDtoSchema), '用户列表'), ...errorResponses, ...accessResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  operationId: 'createUser',
  tags: ['用户'],
  summary: '新建用户：角色和范围（单位角色须选部门，第三方评审选负责的部门）',
  request: { body: jsonBody(createUserRequestSchema) },
  responses: { 201: json(userDtoSchema, '已新建'), ...errorResponses, ...accessResponses, ...conflict },
});

const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  operationId: 'updateUser',
  tags: ['用户'],
  summary: '修改用户的姓名、角色、范围或停用/启用；停用或改变角色、范围后，其会话立即失效',
  request: { params: idParamSchema, body: jsonBody(updateUserRequestSchema) },
  responses: { 200: json(userDtoSchema, '已修改'), ...errorResponses, ...accessResponses },
});

const reset = createRoute({
  method: 'put',
  path: '/api/users/{id}/password',
  operationId: 'resetUserPassword',
  tags: ['用户'],
  summary: '重置用户的密码；其会话全部失效',
  request: { params: idParamSchema, body: jsonBody(resetPasswordRequestSchema) },
  responses: { 204: { description: '已重置' }, ...errorResponses, ...accessResponses },
});

export const registerUserRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store, now: ctx.now };
  app.openapi(list, async (c) => c.json({ items: await ctx.store.users.listUsers() }, 200));
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const user = await createUser(deps, changeContext(c), {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      role: input.role,
      departmentId: input.departmentId ?? null,
      assignedDepartmentIds: input.assignedDepartmentIds ?? [],
    });
    return c.json(user, 201);
  });
  app.openapi(update, async (c) => {
    const patch = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, v]) => v !== undefined)) as UserPatch;
    return c.json(await updateUser(deps, changeContext(c), c.req.valid('param').id, patch), 200);
  });
  app.openapi(reset, async (c) => {
    await resetPassword(deps, changeContext(c), c.req.valid('param').id, c.req.valid('json').password);
    return c.body(null, 204);
  });
};

