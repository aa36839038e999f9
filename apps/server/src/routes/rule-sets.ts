/**
 * Rule sets as stored data (decision 003): list them (built-in and stored) with the current activations, show one
 * version with its settings, copy one with changes into a new version, activate a version for a region and year.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { activateRuleSetRequestSchema, createRuleSetRequestSchema, ruleSetActivationDtoSchema, ruleSetDetailDtoSchema, ruleSetListDtoSchema } from '@jixiao/contract';
import { activateRuleSet, createRuleSetVersion, getRuleSet, listRuleSets } from '@jixiao/services';
import { changeContext } from '../http/actor';
import { errorResponses, json, pathIdSchema, type RegisterRoutes } from './common';

const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const conflict = { 409: { description: '该版本已存在（已发布的版本不能修改）', content: errorResponses[400].content } } as const;

const list = createRoute({
  method: 'get',
  path: '/api/rule-sets',
  operationId: 'listRuleSets',
  tags: ['规则集'],
  summary: '全部规则集（内置的和保存的各版本）及各地区、年度当前启用的版本',
  responses: { 200: json(ruleSetListDtoSchema, '规则集'), ...errorResponses },
});

const show = createRoute({
  method: 'get',
  path: '/api/rule-sets/{id}/{version}',
  operationId: 'getRuleSet',
  tags: ['规则集'],
  summary: '规则集的一个版本及其全部设置',
  request: {
    params: z.strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '规则集编号只能用小写字母、数字和连字符')
        .openapi({ param: { name: 'id', in: 'path' }, example: 'cn-project-self-evaluation' }),
      version: pathIdSchema('version'),
    }),
  },
  responses: { 200: json(ruleSetDetailDtoSchema, '规则集版本'), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/rule-sets',
  operationId: 'copyRuleSet',
  tags: ['规则集'],
  summary: '复制规则集（可改编号、地区、年度、依据文号和设置）并保存为新版本；设置按规则类型校验',
  request: { body: jsonBody(createRuleSetRequestSchema) },
  responses: { 201: json(ruleSetDetailDtoSchema, '保存的新版本'), ...errorResponses, ...conflict },
});

const activate = createRoute({
  method: 'post',
  path: '/api/rule-sets/activations',
  operationId: 'activateRuleSet',
  tags: ['规则集'],
  summary: '启用规则集的某一版本，用于某地区某年度（最近一次启用为准）',
  request: { body: jsonBody(activateRuleSetRequestSchema) },
  responses: { 201: json(ruleSetActivationDtoSchema, '启用记录'), ...errorResponses },
});

export const registerRuleSetRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => c.json(await listRuleSets(deps), 200));
  app.openapi(show, async (c) => {
    const { id, version } = c.req.valid('param');
    return c.json(await getRuleSet(deps, { ref: `${id}@${version}` }), 200);
  });
  // Who acts is the signed-in actor (decision 010); each change goes into the audit trail.
  app.openapi(create, async (c) => c.json(await createRuleSetVersion(deps, changeContext(c), c.req.valid('json')), 201));
  app.openapi(activate, async (c) => c.json(await activateRuleSet(deps, changeContext(c), c.req.valid('json')), 201));
};
