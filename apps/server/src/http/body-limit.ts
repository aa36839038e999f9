/**
 * Every request body is limited before anything reads it (issue 9 item 6): a JSON route takes a small body, an
 * upload the file limit. Mounted before the session, CSRF and access middlewares, because the access policy may
 * read the body to find the object (`documentId`). A declared Content-Length over the limit is refused at once;
 * a chunked body is counted as it streams and refused when it passes the limit (hono's bodyLimit).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_UPLOAD_BYTES } from '../routes/documents';
import { MAX_FEEDBACK_BYTES } from '../routes/rectifications';
import { findPolicy } from './access-policy';
import { sendError } from './error-map';

/** JSON bodies: a reviewer decision, a monitoring report's entries, a self-evaluation's report sections. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Routes that take more than a JSON body: the file uploads and the edited document (a whole target document). */
const LARGE_BODIES: Record<string, number> = {
  'POST /api/documents': MAX_UPLOAD_BYTES,
  'POST /api/documents/preview': MAX_UPLOAD_BYTES,
  'POST /api/import-jobs': MAX_UPLOAD_BYTES,
  'PUT /api/documents/{id}/content': MAX_UPLOAD_BYTES,
  'POST /api/self-evaluations/{id}/actuals.xlsx': MAX_UPLOAD_BYTES,
  /** 整改反馈: the text and up to five files of 佐证材料 (each checked again by content and size in services). */
  'POST /api/rectifications/{id}/feedback': MAX_FEEDBACK_BYTES,
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function limiter(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      sendError(c, {
        status: 413,
        body: {
          error: {
            code: 'TOO_LARGE',
            message: maxSize >= MAX_UPLOAD_BYTES ? `上传的内容超过 ${megabytes(maxSize)}，无法接收。请拆分文件后分批上传。` : `请求内容超过 ${megabytes(maxSize)}，无法接收。`,
          },
        },
      }),
  });
}

const JSON_LIMIT = limiter(MAX_JSON_BODY_BYTES);
const LARGE_LIMITS = new Map(Object.entries(LARGE_BODIES).map(([key, size]) => [key, limiter(size)]));

export const bodyLimitMiddleware: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  const key = findPolicy(c.req.method, c.req.path)?.key;
  return (LARGE_LIMITS.get(key ?? '') ?? JSON_LIMIT)(c, next);
};
