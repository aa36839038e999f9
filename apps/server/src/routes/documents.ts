import { createRoute, z } from '@hono/zod-openapi';
import { documentListQuerySchema, documentReviewDtoSchema, documentSchema, documentSummaryDtoSchema, importOutcomeDtoSchema, importPreviewDtoSchema, pageOf, rollOverRequestSchema, rollOverResultDtoSchema, saveDocumentContentRequestSchema, withdrawnDocumentDtoSchema } from '@jixiao/contract';
import { importDocumentFile, pageDocuments, previewDocumentFile, rollOverTargets, saveEditedDocument, withdrawDocument } from '@jixiao/services';
import { changeContext, listScope } from '../http/actor';
import { errorResponses, idParamSchema, json, type RegisterRoutes } from './common';

/** Uploads above this are refused before they are read (http/body-limit.ts; the readers have their own, finer limits). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;


const versionQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional().openapi({ description: '版本号，默认为当前版本' }),
});

export const uploadForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'PDF、Word（.docx/.doc/.wps）、Excel（.xlsx/.xls/.et）、文本 .txt 或 jixiao/v1 .json' }),
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ type: 'integer', description: '预算年度（文档本身没有写明年度时必填）' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/documents',
  operationId: 'listDocuments',
  tags: ['文档'],
  summary: '已导入的文档（每个文档的当前版本），每页至多 limit 条（默认 50）及符合条件的总数；可按年度、部门、类型、状态和关键词筛选；after（上一页最后一个编号）按编号分页，offset 用于其他排序',
  request: { query: documentListQuerySchema },
  responses: { 200: json(pageOf(documentSummaryDtoSchema), '一页文档与总数'), 400: errorResponses[400], 500: errorResponses[500] },
});

const get = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  operationId: 'getDocument',
  tags: ['文档'],
  summary: '一个文档的 jixiao/v1 交换格式 JSON',
  request: { params: idParamSchema, query: versionQuery },
  responses: { 200: json(documentSchema, 'jixiao/v1 文档'), ...errorResponses },
});

const upload = createRoute({
  method: 'post',
  path: '/api/documents',
  operationId: 'importDocument',
  tags: ['文档'],
  summary: '上传并导入一个文档（multipart/form-data）：相同内容不重复导入，内容有变化则成为新版本',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: {
    201: json(importOutcomeDtoSchema, '已导入（新文档或新版本）'),
    200: json(importOutcomeDtoSchema, '内容与当前版本相同，未做改动'),
    ...errorResponses,
    409: { description: '与已有数据冲突（如年度不一致）', content: errorResponses[400].content },
    413: { description: '文件太大', content: errorResponses[400].content },
  },
});

const preview = createRoute({
  method: 'post',
  path: '/api/documents/preview',
  operationId: 'previewImport',
  tags: ['文档'],
  summary: '预览一个文件将导入的内容（multipart/form-data，与上传相同）：读取并汇总，不保存任何数据',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: {
    200: json(importPreviewDtoSchema, '读取到的内容（类型、部门、单位、年度、项目与金额、指标数、问题及位置）'),
    ...errorResponses,
    409: { description: '与指定的年度不一致', content: errorResponses[400].content },
    413: { description: '文件太大', content: errorResponses[400].content },
  },
});

const withdraw = createRoute({
  method: 'delete',
  path: '/api/documents/{id}',
  operationId: 'withdrawDocument',
  tags: ['文档'],
  summary: '撤回一个尚未提交的文档（草稿）：删除文档及其全部版本、项目和指标，并记入审计日志；已提交过、已有审核意见或已开始监控/自评的文档不能撤回（409）',
  request: { params: idParamSchema },
  responses: {
    200: json(withdrawnDocumentDtoSchema, '已撤回'),
    ...errorResponses,
    409: { description: '文档已提交过（或已有审核意见、监控/自评），不能撤回', content: errorResponses[400].content },
  },
});

const saveContent = createRoute({
  method: 'put',
  path: '/api/documents/{id}/content',
  operationId: 'saveDocumentContent',
  tags: ['文档'],
  summary: '保存在审核页直接修改的内容（指标名称、指标值、绩效目标）为新版本；须注明修改所基于的版本，已有更新版本时拒绝（409）',
  request: { params: idParamSchema, body: { required: true, content: { 'application/json': { schema: saveDocumentContentRequestSchema } } } },
  responses: {
    200: json(documentReviewDtoSchema, '已保存（内容无变化时不产生新版本），返回保存后版本的审核结果'),
    ...errorResponses,
    409: { description: '文档已有更新的版本，请重新加载后再修改', content: errorResponses[400].content },
    413: { description: '文档太大', content: errorResponses[400].content },
  },
});

const rollOver = createRoute({
  method: 'post',
  path: '/api/documents/{id}/rollover',
  operationId: 'rollOverTargets',
  tags: ['文档'],
  summary: '结转：以已批复的绩效目标为基础，生成下一年度的草稿（项目、指标和指标值保留，实际完成值清空；金额按选择清空或保留），并记入审计日志',
  request: { params: idParamSchema, body: { required: true, content: { 'application/json': { schema: rollOverRequestSchema } } } },
  responses: {
    201: json(rollOverResultDtoSchema, '已生成下一年度的草稿'),
    ...errorResponses,
    409: { description: '目标尚未批复，或下一年度已有这份目标', content: errorResponses[400].content },
  },
});

export const registerDocumentRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => c.json(await pageDocuments(deps, { ...c.req.valid('query'), ...listScope(c) }), 200));
  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const { document } = await ctx.store.documents.getDocument(id, version);
    return c.json(document, 200);
  });
  app.openapi(upload, async (c) => {
    const { file, year } = c.req.valid('form');
    const input = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...(year !== undefined ? { year } : {}) };
    const outcome = importOutcomeDtoSchema.parse(await importDocumentFile(deps, changeContext(c), input));
    return c.json(outcome, outcome.status === 'unchanged' ? 200 : 201);
  });
  // The preview reads exactly as the upload does (same worker, same refusals, same department check) and stores nothing.
  app.openapi(preview, async (c) => {
    const { file, year } = c.req.valid('form');
    const input = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...(year !== undefined ? { year } : {}) };
    return c.json(importPreviewDtoSchema.parse(await previewDocumentFile(deps, changeContext(c), input)), 200);
  });
  // Who and which department were decided by the access policy (document.import on the document's department).
  app.openapi(withdraw, async (c) => c.json(await withdrawDocument(deps, changeContext(c), { documentId: c.req.valid('param').id }), 200));
  app.openapi(rollOver, async (c) => c.json(await rollOverTargets(deps, changeContext(c), { documentId: c.req.valid('param').id, ...c.req.valid('json') }), 201));
  app.openapi(saveContent, async (c) => c.json(await saveEditedDocument(deps, changeContext(c), { documentId: c.req.valid('param').id, ...c.req.valid('json') }), 200));
};
