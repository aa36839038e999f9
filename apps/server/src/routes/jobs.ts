import { createRoute, z } from '@hono/zod-openapi';
import { jobDtoSchema, listOf, outputJobRequestSchema } from '@jixiao/contract';
import { getJob, getJobFile, listMyJobs, presentJob, startImportJob, startOutputJob } from '@jixiao/services';
import { actorOf, changeContext } from '../http/actor';
import { errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';
import { uploadForm } from './documents';
import { attachment } from './reviews';

/**
 * Jobs (issue 12 item 5, decision 023): an upload, or a document to generate, answers at once (202) with the job; the
 * server's job runner reads and stores the file, or renders the document, and the page follows the job — after a
 * reload too — until it ends; a generated file is then fetched from /api/jobs/{id}/file.
 */
const startImport = createRoute({
  method: 'post',
  path: '/api/import-jobs',
  operationId: 'startImportJob',
  tags: ['任务'],
  summary: '上传一个文件，作为后台任务导入（multipart/form-data，与上传导入相同）：立即返回任务，读取与保存在后台进行',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: { 202: json(jobDtoSchema, '已排队'), ...errorResponses, 413: { description: '文件太大', content: errorResponses[400].content } },
});


const startOutput = createRoute({
  method: 'post',
  path: '/api/output-jobs',
  operationId: 'startOutputJob',
  tags: ['任务'],
  summary: '作为后台任务生成一个文件（评审意见、自评表、自评报告、监控表……）：立即返回任务，完成后从 /api/jobs/{id}/file 取文件',
  request: { body: jsonBody(outputJobRequestSchema) },
  responses: { 202: json(jobDtoSchema, '已排队'), ...errorResponses },
});

const jobFile = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/file',
  operationId: 'getJobFile',
  tags: ['任务'],
  summary: '后台任务生成的文件（只有发起人和管理员可取）',
  request: { params: idParamSchema },
  responses: { 200: { description: '生成的文件', content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses },
});

const list = createRoute({
  method: 'get',
  path: '/api/jobs',
  operationId: 'listMyJobs',
  tags: ['任务'],
  summary: '我发起的最近 20 个任务（最新的在前）',
  responses: { 200: json(listOf(jobDtoSchema), '任务列表'), 500: errorResponses[500] },
});

const get = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  operationId: 'getJob',
  tags: ['任务'],
  summary: '一个任务的状态、进度和结果（只有发起人和管理员可见）',
  request: { params: idParamSchema },
  responses: { 200: json(jobDtoSchema, '任务'), ...errorResponses },
});

export const registerJobRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(startImport, async (c) => {
    const { file, year } = c.req.valid('form');
    const input = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...(year !== undefined ? { year } : {}) };
    const job = await startImportJob(deps, changeContext(c), input, ctx.now());
    ctx.wakeJobRunner?.();
    return c.json(presentJob(job), 202);
  });
  app.openapi(startOutput, async (c) => {
    const job = await startOutputJob(deps, changeContext(c), c.req.valid('json'), ctx.now());
    ctx.wakeJobRunner?.();
    return c.json(presentJob(job), 202);
  });
  app.openapi(jobFile, async (c) => {
    const made = await getJobFile(deps, actorOf(c), c.req.valid('param').id);
    return c.body(made.bytes.slice().buffer, 200, { 'Content-Type': made.mediaType, 'Content-Disposition': attachment(made.fileName) });
  });
  app.openapi(list, async (c) => c.json({ items: (await listMyJobs(deps, actorOf(c))).map(presentJob) }, 200));
  app.openapi(get, async (c) => c.json(presentJob(await getJob(deps, actorOf(c), c.req.valid('param').id)), 200));
};
