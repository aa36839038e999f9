/**
 * The target review of a stored document (review-checks.md, R9, decision 006): the findings computed on demand with
 * the reviewer's decisions applied, the reviewer's requests (accept/dismiss, add a finding, override the conclusion)
 * — each answering the review recomputed — and the opinion as a .docx.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { addFindingRequestSchema, decideFindingRequestSchema, documentReviewDtoSchema, downloadRoute, opinionQuerySchema, outputFormat, setConclusionRequestSchema } from '@jixiao/contract';
import { addFinding, chinaDate, decideFinding, getReview, renderOutput, setConclusion } from '@jixiao/services';
import { changeContext } from '../http/actor';
import { errorResponses, idParamSchema, json, type RegisterRoutes } from './common';

const OPINION = outputFormat('opinion');
export const DOCX_TYPE = OPINION.mediaType;

const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const reviewResponse = json(documentReviewDtoSchema, '审核结果（已按评审人的处理重新计算）');

const get = createRoute({
  method: 'get',
  path: '/api/documents/{id}/review',
  operationId: 'getReview',
  tags: ['审核'],
  summary: '文档当前版本的绩效目标审核：问题清单（含评审人的处理）、各维度得分、总分、结论、量化指标占比',
  request: { params: idParamSchema },
  responses: { 200: json(documentReviewDtoSchema, '审核结果'), ...errorResponses },
});

const decide = createRoute({
  method: 'post',
  path: '/api/documents/{id}/review/decisions',
  operationId: 'decideFinding',
  tags: ['审核'],
  summary: '采纳或驳回一条问题（按问题编号；驳回须写明理由）',
  request: { params: idParamSchema, body: jsonBody(decideFindingRequestSchema) },
  responses: { 200: reviewResponse, ...errorResponses },
});

const add = createRoute({
  method: 'post',
  path: '/api/documents/{id}/review/findings',
  operationId: 'addFinding',
  tags: ['审核'],
  summary: '评审人补充一条问题',
  request: { params: idParamSchema, body: jsonBody(addFindingRequestSchema) },
  responses: { 201: reviewResponse, ...errorResponses },
});

const conclude = createRoute({
  method: 'put',
  path: '/api/documents/{id}/review/conclusion',
  operationId: 'setReviewConclusion',
  tags: ['审核'],
  summary: '评审人调整评审结论（优/良/中/差，须写明理由；计算结论保留备查）',
  request: { params: idParamSchema, body: jsonBody(setConclusionRequestSchema) },
  responses: { 200: reviewResponse, ...errorResponses },
});

const opinion = createRoute({
  method: 'get',
  path: downloadRoute('opinion'),
  operationId: OPINION.operationId,
  tags: ['审核'],
  summary: OPINION.summary,
  request: { params: idParamSchema, query: opinionQuerySchema },
  responses: {
    200: { description: '评审意见 .docx', content: { [DOCX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
    ...errorResponses,
  },
});

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const registerReviewRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store };
  app.openapi(get, async (c) => c.json(await getReview(deps, { documentId: c.req.valid('param').id }), 200));
  // The reviewer is the signed-in actor (decision 010): requests no longer name who.
  app.openapi(decide, async (c) => c.json(await decideFinding(deps, changeContext(c), { documentId: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(add, async (c) => c.json(await addFinding(deps, changeContext(c), { documentId: c.req.valid('param').id, ...c.req.valid('json') }), 201));
  app.openapi(conclude, async (c) => c.json(await setConclusion(deps, changeContext(c), { documentId: c.req.valid('param').id, ...c.req.valid('json') }), 200));
  app.openapi(opinion, async (c) => {
    const { reviewer, organization } = c.req.valid('query');
    const file = await renderOutput(deps, 'opinion', { documentId: c.req.valid('param').id, date: chinaDate(new Date()), reviewer, organization });
    return c.body(file.bytes.slice().buffer, 200, { 'Content-Type': file.mediaType, 'Content-Disposition': attachment(file.fileName) });
  });
};
