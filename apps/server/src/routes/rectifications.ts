/**
 * 整改 and 佐证材料 (issue 14 items 2 and 3; decision 032): the items (list, one with its history, create — typed,
 * from a review finding, from a monitoring red/yellow line), the reviewer's steps (issue, verify, return), the
 * unit's feedback with its files (multipart), the 整改通知书 and a department's 整改情况报告 as .docx (the contract's
 * OUTPUT_FORMATS), and an attachment's download.
 * Who acts is the signed-in person; each change is one services command (decision 020).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  createRectificationRequestSchema,
  rectificationDtoSchema,
  rectificationFromFindingRequestSchema,
  rectificationFromMonitoringRequestSchema,
  rectificationListQuerySchema,
  rectificationPageDtoSchema,
  rectificationStepRequestSchema,
  downloadRoute,
  outputFormatsOf,
} from '@jixiao/contract';
import { beijingDate, EVIDENCE_LIMITS, EVIDENCE_TYPES_TEXT } from '@jixiao/core';
import {
  createRectification,
  createRectificationFromFinding,
  createRectificationFromMonitoringLine,
  feedbackRectification,
  getAttachmentFile,
  getRectification,
  listRectifications,
  moveRectification,
  renderOutput,
} from '@jixiao/services';
import { actorOf, changeContext } from '../http/actor';
import { accessResponses, errorResponses, idParamSchema, json, jsonBody, type RegisterRoutes } from './common';
import { attachment } from './reviews';

/** A feedback's body: its text and up to five files of 10 MB, with room for the form's own bytes. */
export const MAX_FEEDBACK_BYTES = EVIDENCE_LIMITS.maxFilesPerChange * EVIDENCE_LIMITS.maxFileBytes + 1024 * 1024;

const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } });
const tags = ['整改'];
const one = (description: string) => ({ 200: json(rectificationDtoSchema, description), ...errorResponses, ...accessResponses, 409: { description: '状态已变化（已由他人办理），或重复登记', content: errorResponses[400].content } });

const list = createRoute({
  method: 'get',
  path: '/api/rectifications',
  operationId: 'listRectifications',
  tags,
  summary: '整改事项（本人可见的部门），可按状态、是否逾期、责任部门筛选，分页',
  request: { query: rectificationListQuerySchema },
  responses: { 200: json(rectificationPageDtoSchema, '整改事项'), ...errorResponses, ...accessResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/rectifications',
  operationId: 'createRectification',
  tags,
  summary: '登记一项整改（外部检查、绩效评价、自评发现的问题）；issue 为 true 时同时下发整改通知',
  request: { body: jsonBody(createRectificationRequestSchema) },
  responses: { 201: json(rectificationDtoSchema, '已登记'), ...errorResponses, ...accessResponses },
});

const fromFinding = createRoute({
  method: 'post',
  path: '/api/rectifications/from-finding',
  operationId: 'createRectificationFromFinding',
  tags,
  summary: '由目标审核发现的一条问题生成整改事项（问题、依据取自该问题）',
  request: { body: jsonBody(rectificationFromFindingRequestSchema) },
  responses: { 201: json(rectificationDtoSchema, '已登记'), ...one('') },
});

const fromMonitoring = createRoute({
  method: 'post',
  path: '/api/rectifications/from-monitoring-line',
  operationId: 'createRectificationFromMonitoringLine',
  tags,
  summary: '由运行监控的一行红灯或黄灯预警生成整改事项',
  request: { body: jsonBody(rectificationFromMonitoringRequestSchema) },
  responses: { 201: json(rectificationDtoSchema, '已登记'), ...one('') },
});

const get = createRoute({
  method: 'get',
  path: '/api/rectifications/{id}',
  operationId: 'getRectification',
  tags,
  summary: '一项整改：问题、依据、措施、责任单位、期限、来源、办理经过、佐证材料和本人现在可办理的操作',
  request: { params: idParamSchema },
  responses: { 200: json(rectificationDtoSchema, '整改事项'), ...errorResponses, ...accessResponses },
});

const step = (action: 'issue' | 'verify' | 'return', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/rectifications/{id}/${action}`,
    operationId: `${action}Rectification`,
    tags,
    summary,
    request: { params: idParamSchema, body: jsonBody(rectificationStepRequestSchema) },
    responses: one('办理后的整改事项'),
  });

const feedbackForm = z.object({
  revision: z.coerce.number().int().positive().openapi({ type: 'integer', description: '页面上显示的整改事项版本号（已由他人办理时拒绝）' }),
  text: z.string().trim().min(1, '请写明已采取的整改措施和结果').max(4000).openapi({ description: '整改情况' }),
  files: z
    .union([z.instanceof(File), z.array(z.instanceof(File))])
    .optional()
    .openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: `佐证材料：${EVIDENCE_TYPES_TEXT}，按内容识别，每个不超过 10 MB，最多 ${EVIDENCE_LIMITS.maxFilesPerChange} 个` }),
});

const feedback = createRoute({
  method: 'post',
  path: '/api/rectifications/{id}/feedback',
  operationId: 'feedbackRectification',
  tags,
  summary: '责任单位反馈整改情况并上传佐证材料（multipart/form-data）；内容与扩展名不符的文件被拒绝',
  request: { params: idParamSchema, body: { required: true, content: { 'multipart/form-data': { schema: feedbackForm } } } },
  responses: { ...one('已反馈'), 413: { description: '上传的内容太大', content: errorResponses[400].content } },
});

/** The 整改通知书 (of an item) and the 整改情况报告 (of a department): the registry's formats of those sources. */
const fileRoutes = [...outputFormatsOf('rectification'), ...outputFormatsOf('department')].map((format) =>
  createRoute({
    method: 'get',
    path: downloadRoute(format.id),
    operationId: format.operationId,
    tags,
    summary: format.summary,
    request: { params: idParamSchema },
    responses: { 200: binary(format.mediaType, `${format.label} ${format.extension}`), ...errorResponses, ...accessResponses },
  }),
);

const download = createRoute({
  method: 'get',
  path: '/api/attachments/{id}',
  operationId: 'downloadAttachment',
  tags: ['佐证材料'],
  summary: '下载一份佐证材料（只在其所属部门的范围内可见）',
  request: { params: idParamSchema },
  responses: { 200: binary('application/octet-stream', '文件本身（Content-Type 为按内容识别的类型）'), ...errorResponses, ...accessResponses },
});

export const registerRectificationRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const input = { limit: q.limit, offset: q.offset, ...(q.status ? { status: q.status } : {}), ...(q.overdue === 'true' ? { overdue: true } : {}), ...(q.departmentId ? { departmentId: q.departmentId } : {}), ...(q.search ? { search: q.search } : {}) };
    return c.json(await listRectifications(deps, actorOf(c), input, ctx.now()), 200);
  });
  app.openapi(create, async (c) => c.json(await createRectification(deps, changeContext(c), c.req.valid('json'), ctx.now()), 201));
  app.openapi(fromFinding, async (c) => c.json(await createRectificationFromFinding(deps, changeContext(c), c.req.valid('json'), ctx.now()), 201));
  app.openapi(fromMonitoring, async (c) => c.json(await createRectificationFromMonitoringLine(deps, changeContext(c), c.req.valid('json'), ctx.now()), 201));
  app.openapi(get, async (c) => c.json(await getRectification(deps, actorOf(c), { id: c.req.valid('param').id }, ctx.now()), 200));
  for (const action of ['issue', 'verify', 'return'] as const) {
    const summary = { issue: '下发整改通知（待下发 → 整改中）', verify: '核实后销号（已反馈 → 已销号）', return: '退回重新整改（须写明理由）' }[action];
    app.openapi(step(action, summary), async (c) => {
      const body = c.req.valid('json');
      return c.json(await moveRectification(deps, changeContext(c), { id: c.req.valid('param').id, action, revision: body.revision, text: body.text ?? null }, ctx.now()), 200);
    });
  }
  app.openapi(feedback, async (c) => {
    const form = c.req.valid('form');
    const given = form.files === undefined ? [] : Array.isArray(form.files) ? form.files : [form.files];
    const files = await Promise.all(given.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return c.json(await feedbackRectification(deps, changeContext(c), { id: c.req.valid('param').id, revision: form.revision, text: form.text, files }, ctx.now()), 200);
  });
  for (const [i, format] of [...outputFormatsOf('rectification'), ...outputFormatsOf('department')].entries()) {
    app.openapi(fileRoutes[i]!, async (c) => {
      // Who may read it was decided by the access policy (the item's or the department's scope).
      const file = await renderOutput(deps, format.id, { id: c.req.valid('param').id, date: beijingDate(ctx.now()) });
      return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
    });
  }
  app.openapi(download, async (c) => {
    const { attachment: a, bytes } = await getAttachmentFile(deps, actorOf(c), { id: c.req.valid('param').id });
    return c.body(bytes.slice().buffer, 200, { 'Content-Type': a.mediaType, 'Content-Disposition': attachment(a.fileName), 'X-Content-SHA256': a.sha256 });
  });
};
