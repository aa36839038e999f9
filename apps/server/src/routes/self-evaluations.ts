/**
 * Self-evaluations (绩效自评, issue 4): start one for a stored document and year (targets frozen from the target
 * version), read it with the score computed now, save entries and the edited 自评报告 on a revision (stale → 409
 * naming who saved last), keep a score with its rule set id@version, the actuals workbook down and up (an upload
 * with any error → 400 listing every error by sheet, row and column; nothing saved), submit through the workflow
 * (400 listing what is still missing), the 自评表 and the 自评报告. Who acts is the signed-in person; every save
 * asks the workflow first (409 once submitted or in a locked year, 403 for someone who may not edit).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  canonicalIdSchema,
  actualsUploadDtoSchema,
  keepScoreRequestSchema,
  keptScoreDtoSchema,
  listOf,
  saveEntriesRequestSchema,
  saveReportRequestSchema,
  selfEvaluationDtoSchema,
  selfEvaluationSummaryDtoSchema,
  startSelfEvaluationRequestSchema,
  submitSelfEvaluationRequestSchema,
  downloadRoute,
  outputFormatsOf,
} from '@jixiao/contract';
import {
  chinaDate,
  getSelfEvaluation,
  importActualsWorkbook,
  keepSelfEvaluationScore,
  listSelfEvaluations,
  listSelfEvaluationScores,
  renderOutput,
  saveSelfEvaluationEntries,
  saveSelfEvaluationReport,
  startSelfEvaluation,
  submitSelfEvaluation,
} from '@jixiao/services';
import { changeContext, listScope } from '../http/actor';
import { errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';
import { attachment } from './reviews';

const TAG = ['绩效自评'];
const conflict = { 409: { description: '已由他人保存了更新的内容（message 写明是谁、何时），请重新载入；或已提交、已完成、年度已锁定（写明由谁锁定）', content: errorResponses[400].content } };
const dto = (description: string) => json(selfEvaluationDtoSchema, description);
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } });

const list = createRoute({
  method: 'get',
  path: '/api/self-evaluations',
  operationId: 'listSelfEvaluations',
  tags: TAG,
  summary: '绩效自评列表（可按文档筛选）',
  request: { query: z.strictObject({ documentId: canonicalIdSchema.optional() }) },
  responses: { 200: json(listOf(selfEvaluationSummaryDtoSchema), '绩效自评列表'), ...errorResponses },
});

const start = createRoute({
  method: 'post',
  path: '/api/self-evaluations',
  operationId: 'startSelfEvaluation',
  tags: TAG,
  summary: '为一个已导入的文档开始某年度的绩效自评（绩效目标取自目标版本，不能在自评中修改；导入的自评文档以其自身的完成值为填报内容）',
  request: { body: jsonBody(startSelfEvaluationRequestSchema) },
  responses: { 201: dto('已开始的绩效自评'), ...errorResponses, ...conflict },
});

const get = createRoute({
  method: 'get',
  path: '/api/self-evaluations/{id}',
  operationId: 'getSelfEvaluation',
  tags: TAG,
  summary: '一份绩效自评：绩效目标（只读）、填报内容、按当前规则集计算的得分及理由、自评报告草稿、已保存的评分',
  request: { params: idParamSchema },
  responses: { 200: dto('绩效自评'), ...errorResponses },
});

const saveEntries = createRoute({
  method: 'put',
  path: '/api/self-evaluations/{id}/entries',
  operationId: 'saveSelfEvaluationEntries',
  tags: TAG,
  summary: '保存实际完成值、定性档次、偏差原因和预算执行数（须注明所基于的修订号；他人已保存更新内容时 409）',
  request: { params: idParamSchema, body: jsonBody(saveEntriesRequestSchema) },
  responses: { 200: dto('已保存，返回重新计算后的自评'), ...errorResponses, ...conflict },
});

const saveReport = createRoute({
  method: 'put',
  path: '/api/self-evaluations/{id}/report',
  operationId: 'saveSelfEvaluationReport',
  tags: TAG,
  summary: '保存修改后的自评报告各部分（未修改的部分仍按数据起草）',
  request: { params: idParamSchema, body: jsonBody(saveReportRequestSchema) },
  responses: { 200: dto('已保存'), ...errorResponses, ...conflict },
});

const submit = createRoute({
  method: 'post',
  path: '/api/self-evaluations/{id}/submit',
  operationId: 'submitSelfEvaluation',
  tags: TAG,
  summary: '提交绩效自评（指标缺实际完成值或档次、超额完成缺偏差原因、预算执行缺数时拒绝并列出；提交记入流转记录并保存评分，年度已锁定时 409）',
  request: { params: idParamSchema, body: jsonBody(submitSelfEvaluationRequestSchema) },
  responses: { 200: dto('已提交，返回提交后的自评'), ...errorResponses, ...conflict },
});

const keepScore = createRoute({
  method: 'post',
  path: '/api/self-evaluations/{id}/scores',
  operationId: 'keepSelfEvaluationScore',
  tags: TAG,
  summary: '评分并保存（记录所用规则集的「编号@版本」和自评修订号；可指定旧版本规则集重新评分）',
  request: { params: idParamSchema, body: jsonBody(keepScoreRequestSchema) },
  responses: { 201: json(keptScoreDtoSchema, '已保存的评分'), ...errorResponses },
});

const listScores = createRoute({
  method: 'get',
  path: '/api/self-evaluations/{id}/scores',
  operationId: 'listSelfEvaluationScores',
  tags: TAG,
  summary: '已保存的评分（时间顺序，每条写明规则集版本）',
  request: { params: idParamSchema },
  responses: { 200: json(listOf(keptScoreDtoSchema), '已保存的评分'), ...errorResponses },
});

const uploadForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: '填好的实际完成值填报表 .xlsx' }),
  baseRevision: z.coerce.number().int().positive().optional().openapi({ type: 'integer', description: '下载填报表时的修订号（写明时，若他人已保存更新内容则 409）' }),
});

const uploadWorkbook = createRoute({
  method: 'post',
  path: '/api/self-evaluations/{id}/actuals.xlsx',
  operationId: 'uploadActualsWorkbook',
  tags: TAG,
  summary: '上传填好的填报表：任何一处错误都整份拒收（400，details.errors 逐条写明工作表、行、列），不做任何修改',
  request: { params: idParamSchema, body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: { 200: json(actualsUploadDtoSchema, '已导入，返回重新计算后的自评'), ...errorResponses, ...conflict, 413: { description: '文件太大', content: errorResponses[400].content } },
});


export const registerSelfEvaluationRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => {
    // Only self-evaluations of documents the person may see, in the query (the policy checked `documentId` when given).
    const items = await listSelfEvaluations(deps, { ...c.req.valid('query'), ...listScope(c) });
    return c.json({ items }, 200);
  });
  app.openapi(start, async (c) => c.json(await startSelfEvaluation(deps, changeContext(c), c.req.valid('json')), 201));
  app.openapi(get, async (c) => c.json(await getSelfEvaluation(deps, { id: c.req.valid('param').id }), 200));
  app.openapi(saveEntries, async (c) => c.json(await saveSelfEvaluationEntries(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(saveReport, async (c) => c.json(await saveSelfEvaluationReport(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(submit, async (c) => c.json(await submitSelfEvaluation(deps, changeContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(keepScore, async (c) => {
    const { ruleSet } = c.req.valid('json');
    return c.json(await keepSelfEvaluationScore(deps, changeContext(c), { id: c.req.valid('param').id, ...(ruleSet ? { ruleSet } : {}) }), 201);
  });
  app.openapi(listScores, async (c) => c.json({ items: await listSelfEvaluationScores(deps, { id: c.req.valid('param').id }) }, 200));
  app.openapi(uploadWorkbook, async (c) => {
    const { file, baseRevision } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importActualsWorkbook(deps, changeContext(c), { id: c.req.valid('param').id, fileName: file.name, bytes, ...(baseRevision ? { baseRevision } : {}) });
    return c.json(result, 200);
  });
  // The downloads: the registry's formats made from a self-evaluation (`OUTPUT_FORMATS`), the actuals workbook among them.
  for (const f of outputFormatsOf('self-evaluation')) {
    const route = createRoute({ method: 'get', path: downloadRoute(f.id), operationId: f.operationId, tags: TAG, summary: f.summary, request: { params: idParamSchema }, responses: { 200: binary(f.mediaType, f.summary), ...errorResponses } });
    app.openapi(route, async (c) => {
      const file = await renderOutput(deps, f.id, { id: c.req.valid('param').id, date: chinaDate(new Date()) });
      return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
    });
  }
};
