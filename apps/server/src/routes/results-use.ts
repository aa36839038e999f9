/**
 * Results use (R11, issue 14 item 1): the district table of results and next year's budget suggestions (filtered by
 * year and department; each role sees its departments), the same table as 绩效结果应用情况表 (.xlsx), the finance
 * reviewer's confirmation or change of one suggestion with a reason, and last year's results beside each project of
 * a target document (the review page of next year's targets).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { lastYearResultsDtoSchema, resultsUseDecisionRequestSchema, resultsUseQuerySchema, resultsUseRowDtoSchema, resultsUseTableDtoSchema } from '@jixiao/contract';
import { decideResultsUse, lastYearResults, listResultsUse, renderResultsUseWorkbook } from '@jixiao/services';
import { changeContext, listScope } from '../http/actor';
import { errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';
import { attachment } from './reviews';

const TAG = ['结果应用'];

const table = createRoute({
  method: 'get',
  path: '/api/results-use',
  operationId: 'listResultsUse',
  tags: TAG,
  summary: '结果应用表：某年度各部门、单位、项目的预算、自评得分和等级、审核结论、下年度预算建议（及其规则）、财政决定',
  request: { query: resultsUseQuerySchema },
  responses: { 200: json(resultsUseTableDtoSchema, '结果应用表'), ...errorResponses },
});

const workbook = createRoute({
  method: 'get',
  path: '/api/results-use/table.xlsx',
  operationId: 'downloadResultsUseTable',
  tags: TAG,
  summary: '绩效结果应用情况表（.xlsx，金额单位万元）',
  request: { query: resultsUseQuerySchema },
  responses: {
    200: { description: '绩效结果应用情况表', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
    ...errorResponses,
  },
});

const decide = createRoute({
  method: 'post',
  path: '/api/results-use/decisions',
  operationId: 'decideResultsUse',
  tags: TAG,
  summary: '财政审核人员确认或调整一个项目的下年度预算建议（须写明理由；每次决定都保留）',
  request: { body: jsonBody(resultsUseDecisionRequestSchema) },
  responses: { 201: json(resultsUseRowDtoSchema, '决定后的这一行'), ...errorResponses },
});

const lastYear = createRoute({
  method: 'get',
  path: '/api/documents/{id}/last-year-results',
  operationId: 'getLastYearResults',
  tags: TAG,
  summary: '这份绩效目标中每个项目上一年度的结果：自评等级和得分、审核结论、预算建议及财政决定',
  request: { params: idParamSchema },
  responses: { 200: json(lastYearResultsDtoSchema, '上一年度结果'), ...errorResponses },
});

export const registerResultsUseRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(table, async (c) => c.json(await listResultsUse(deps, { ...c.req.valid('query'), ...listScope(c) }), 200));
  app.openapi(workbook, async (c) => {
    const file = await renderResultsUseWorkbook(deps, { ...c.req.valid('query'), ...listScope(c) });
    return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
  });
  app.openapi(decide, async (c) => c.json(await decideResultsUse(deps, changeContext(c), c.req.valid('json')), 201));
  app.openapi(lastYear, async (c) => c.json(await lastYearResults(deps, { documentId: c.req.valid('param').id }), 200));
};
