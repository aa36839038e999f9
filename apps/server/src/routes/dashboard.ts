/**
 * 数据看板 (issue 13 item 3): the year's charts over the person's departments, district-wide or drilled into one
 * department (`departmentId`, checked by the access policy: another department's id is 404), and one chart's data
 * as a workbook. Read-only: services `dashboard/`.
 */
import { createRoute } from '@hono/zod-openapi';
import { dashboardDtoSchema, dashboardExportQuerySchema, dashboardQuerySchema } from '@jixiao/contract/dashboard';
import { exportDashboardChart, getDashboard } from '@jixiao/services';
import { actorOf } from '../http/actor';
import { accessResponses, errorResponses, json, type RegisterRoutes } from './common';
import { attachment } from './reviews';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dashboard = createRoute({
  method: 'get',
  path: '/api/dashboard',
  operationId: 'getDashboard',
  tags: ['数据看板'],
  summary: '数据看板：预算执行与序时进度、监控预警灯、审核结论、自评得分与同比、高频审核问题（全部部门或一个部门）',
  request: { query: dashboardQuerySchema },
  responses: { 200: json(dashboardDtoSchema, '数据看板'), ...errorResponses, ...accessResponses },
});

const exportChart = createRoute({
  method: 'get',
  path: '/api/dashboard/export.xlsx',
  operationId: 'exportDashboardChart',
  tags: ['数据看板'],
  summary: '导出数据看板中一张图的数据（Excel）',
  request: { query: dashboardExportQuerySchema },
  responses: { 200: { description: 'Excel 文件', content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } } }, ...errorResponses, ...accessResponses },
});

export const registerDashboardRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(dashboard, async (c) => c.json(await getDashboard(ctx, actorOf(c), c.req.valid('query')), 200));
  app.openapi(exportChart, async (c) => {
    const { fileName, bytes } = await exportDashboardChart(ctx, actorOf(c), c.req.valid('query'));
    return c.body(bytes.slice().buffer, 200, { 'Content-Type': XLSX, 'Content-Disposition': attachment(fileName) });
  });
};
