/**
 * The blank Excel templates (项目支出 and 部门整体绩效目标填报模板), for a unit to fill in and import: the same files
 * `jixiao template` writes. Public, as the schemas are: a template holds no data.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { renderBlankTemplate } from '@jixiao/services';
import { errorResponses, type RegisterRoutes } from './common';
import { attachment } from './reviews';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const blank = createRoute({
  method: 'get',
  path: '/api/templates/{kind}',
  operationId: 'getBlankTemplate',
  tags: ['系统'],
  summary: '空白的 Excel 填报模板（project 项目支出 / department 部门整体；无需登录）',
  request: {
    params: z.object({ kind: z.enum(['project', 'department']).openapi({ description: 'project 或 department' }) }),
    query: z.object({ unit: z.enum(['万元', '元']).default('万元').openapi({ description: '金额单位（默认 万元）' }) }),
  },
  responses: { 200: { description: '模板 .xlsx', content: { [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses },
});

export const registerTemplateRoutes: RegisterRoutes = (app) => {
  app.openapi(blank, async (c) => {
    const file = await renderBlankTemplate({ kind: c.req.valid('param').kind, unit: c.req.valid('query').unit });
    return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
  });
};
