/**
 * Published schemas, anonymous (`GET /api/schemas/*` is public in the access policy): the JSON Schema of the
 * interchange format `jixiao/v1` (issue 10 item 6), the same document as docs/jixiao-v1.schema.json, generated from
 * the contract's zod schema once per process so that scripts which write documents can validate them first.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { interchangeJsonSchema } from '@jixiao/contract';
import { errorResponses, json, type RegisterRoutes } from './common';

const interchange = createRoute({
  method: 'get',
  path: '/api/schemas/jixiao-v1.json',
  operationId: 'getInterchangeSchema',
  tags: ['系统'],
  summary: 'jixiao/v1 交换格式的 JSON Schema（无需登录；与 docs/jixiao-v1.schema.json 相同）',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'JSON Schema (draft 2020-12)'), 500: errorResponses[500] },
});

export const registerSchemaRoutes: RegisterRoutes = (app) => {
  let schema: Record<string, unknown> | undefined;
  app.openapi(interchange, (c) => c.json((schema ??= interchangeJsonSchema()), 200));
};
