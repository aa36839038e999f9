/**
 * Monitoring reports (运行监控, rules.md R10): a document's reports, start one at a cut-off month, the report with
 * every line computed (lights and why), save what the unit entered (409 when someone saved in between), submit
 * (400 with the lines still missing reasons), and the 绩效运行监控表 as .xlsx or .docx. Who acts is the signed-in
 * person.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  createMonitoringRequestSchema,
  listOf,
  monitoringListQuerySchema,
  monitoringReportDtoSchema,
  monitoringSummaryDtoSchema,
  saveMonitoringRequestSchema,
  submitMonitoringRequestSchema,
  monitoringWarningsDtoSchema,
  warningResponseRequestSchema,
  downloadRoute,
  outputFormatsOf,
  type OutputFormat,
} from '@jixiao/contract';
import { getMonitoring, getMonitoringWarnings, listMonitoring, renderOutput, respondToWarning, saveMonitoring, startMonitoring, submitMonitoring } from '@jixiao/services';
import { actorOf, changeContext, listScope } from '../http/actor';
import { accessResponses, errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';
import { attachment } from './reviews';

const report = json(monitoringReportDtoSchema, '运行监控报告：各行的灯色、依据和尚缺的内容');
const conflict = { 409: { description: '保存所基于的版本已被他人修改（message 写明是谁、何时），已提交或已完成，期间已锁定（写明由谁锁定），或该文档该月的监控已存在', content: errorResponses[400].content } };
const binary = (type: string, what: string) => ({ description: what, content: { [type]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } });

const list = createRoute({
  method: 'get',
  path: '/api/monitoring',
  operationId: 'listMonitoringReports',
  tags: ['运行监控'],
  summary: '运行监控报告列表（可按文档筛选）',
  request: { query: monitoringListQuerySchema },
  responses: { 200: json(listOf(monitoringSummaryDtoSchema), '运行监控报告'), ...errorResponses, ...accessResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/monitoring',
  operationId: 'startMonitoring',
  tags: ['运行监控'],
  summary: '开始一份运行监控：选择文档和截止月份（按该文档的目标版本和适用的监控规则集）',
  request: { body: jsonBody(createMonitoringRequestSchema) },
  responses: { 201: report, ...errorResponses, ...accessResponses, ...conflict },
});

const get = createRoute({
  method: 'get',
  path: '/api/monitoring/{id}',
  operationId: 'getMonitoringReport',
  tags: ['运行监控'],
  summary: '运行监控报告：预算执行行、指标行、灯色及依据、非绿灯行尚缺的偏差原因/完成可能性/纠偏措施',
  request: { params: idParamSchema },
  responses: { 200: report, ...errorResponses, ...accessResponses },
});

const save = createRoute({
  method: 'put',
  path: '/api/monitoring/{id}/entries',
  operationId: 'saveMonitoringEntries',
  tags: ['运行监控'],
  summary: '保存填报内容（须带上所基于的版本号 baseRevision；他人已修改、已提交或期间已锁定时返回 409）',
  request: { params: idParamSchema, body: jsonBody(saveMonitoringRequestSchema) },
  responses: { 200: report, ...errorResponses, ...accessResponses, ...conflict },
});

const submit = createRoute({
  method: 'post',
  path: '/api/monitoring/{id}/submit',
  operationId: 'submitMonitoring',
  tags: ['运行监控'],
  summary: '提交运行监控（非绿灯行未填齐偏差原因、完成可能性、纠偏措施时拒绝，并列出这些行；提交记入流转记录，期间锁定时 409）',
  request: { params: idParamSchema, body: jsonBody(submitMonitoringRequestSchema) },
  responses: { 200: report, ...errorResponses, ...accessResponses, ...conflict },
});

const warningsJson = json(monitoringWarningsDtoSchema, '监控预警：哪一行、哪条规则、原因、反馈期限、状态和单位的反馈');

const warnings = createRoute({
  method: 'get',
  path: '/api/monitoring/{id}/warnings',
  operationId: 'getMonitoringWarnings',
  tags: ['运行监控'],
  summary: '提交时触发的监控预警（累计执行率低于当月预警线、目标进度与执行进度偏离），反馈期限（工作日）及单位的反馈',
  request: { params: idParamSchema },
  responses: { 200: warningsJson, ...errorResponses, ...accessResponses },
});

const respond = createRoute({
  method: 'post',
  path: '/api/monitoring/{id}/warning-responses',
  operationId: 'respondToMonitoringWarning',
  tags: ['运行监控'],
  summary: '单位反馈一条监控预警：继续执行 / 调剂 / 取消，并说明理由（记入审计，可再次反馈，以最后一次为准）',
  request: { params: idParamSchema, body: jsonBody(warningResponseRequestSchema) },
  responses: { 200: warningsJson, ...errorResponses, ...accessResponses },
});

/** The 绩效运行监控表 downloads: the registry's formats made from a monitoring report (`OUTPUT_FORMATS`). */
const table = (format: Extract<OutputFormat, { source: 'monitoring' }>) =>
  createRoute({
    method: 'get',
    path: downloadRoute(format.id),
    operationId: format.operationId,
    tags: ['运行监控'],
    summary: format.summary,
    request: { params: idParamSchema },
    responses: { 200: binary(format.mediaType, `${format.label} ${format.extension}`), ...errorResponses, ...accessResponses },
  });

export const registerMonitoringRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => {
    const { documentId } = c.req.valid('query');
    // Only reports of documents the person may see, in the query (the policy checked `documentId` when given).
    const items = await listMonitoring(deps, { ...(documentId === undefined ? {} : { documentId }), ...listScope(c) });
    return c.json({ items }, 200);
  });
  app.openapi(create, async (c) => c.json(await startMonitoring(deps, changeContext(c), c.req.valid('json')), 201));
  app.openapi(get, async (c) => c.json(await getMonitoring(deps, { id: c.req.valid('param').id }), 200));
  app.openapi(save, async (c) => c.json(await saveMonitoring(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(submit, async (c) => c.json(await submitMonitoring(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(warnings, async (c) => c.json(await getMonitoringWarnings(deps, actorOf(c), { id: c.req.valid('param').id }, ctx.now()), 200));
  app.openapi(respond, async (c) => c.json(await respondToWarning(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }, ctx.now()), 200));
  for (const format of outputFormatsOf('monitoring')) {
    app.openapi(table(format), async (c) => {
      const file = await renderOutput(deps, format.id, { id: c.req.valid('param').id });
      return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
    });
  }
};
