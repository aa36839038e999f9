/**
 * What every route file shares: the app type, the error responses as OpenAPI documents them, path ids.
 */
import { errorDtoSchema, parseCanonicalId } from '@jixiao/contract';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { CurrentSession } from '@jixiao/services';
import type { AppContext } from '../context';
import { notFound, sendError, validationError } from '../http/error-map';

const notFoundPath = () => notFound('对象');

/** Set by the middlewares in http/ before any route runs (decision 010). */
export type AppEnv = {
  Variables: {
    /** X-Request-Id of this request (generated, echoed in the response). */
    requestId: string;
    /** The signed-in session, or null (anonymous). */
    session: CurrentSession | null;
  };
};
export type App = OpenAPIHono<AppEnv>;
export type RegisterRoutes = (app: App, ctx: AppContext) => void;

const errorContent = { 'application/json': { schema: errorDtoSchema } };

/** Error responses for the OpenAPI document: the same body for every status (contract `errorDtoSchema`). */
export const errorResponses = {
  400: { description: '请求参数有误（message 说明哪里不对）', content: errorContent },
  404: { description: '找不到', content: errorContent },
  500: { description: '服务器内部错误', content: errorContent },
} as const;

/** A path id: canonical digits only (contract `parseCanonicalId`, the same parse as the access policy's). */
export const pathIdSchema = (name: string) =>
  z
    .string()
    .refine((raw) => parseCanonicalId(raw) !== undefined, { message: '编号必须是正整数' })
    .transform((raw) => Number(raw))
    .openapi({ param: { name, in: 'path' }, type: 'integer', example: 1 });

export const idParamSchema = z.strictObject({ id: pathIdSchema('id') });

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A new app whose request validation failures become the contract's 400 body with a Chinese message. */
export function createOpenApiApp(): App {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // A path that does not name an object in canonical form names nothing: 404, as for an id that does not exist.
        if (result.target === 'param') return sendError(c, notFoundPath());
        return sendError(c, validationError(result.error));
      }
      return undefined;
    },
  });
}

/** A required JSON request body validated by `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** The statuses sign-in and access add to every protected route (decision 010). */
export const accessResponses = {
  401: { description: '未登录或登录已过期', content: errorContent },
  403: { description: '没有权限，或安全校验（X-CSRF-Token）未通过', content: errorContent },
} as const;
