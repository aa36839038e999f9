/**
 * The OpenAPI document districts script against (issue 11 item 3, decision 019). The paths and schemas are generated
 * from the routes' zod contract; who may call each operation is not written again in every route but read from the
 * one access table the server enforces (http/access-policy.ts), so the document cannot promise less or more than the
 * server does:
 *   - `security`: the session cookie, plus the CSRF header on a signed-in change; `[]` on a public operation;
 *   - 401 on every operation that needs a signed-in person; 403 where a role decides (an action), and on every change
 *     (a signed-in change without the session's X-CSRF-Token, or a sign-in from another site, is refused with 403).
 * A route already declaring 401/403 keeps its own wording.
 */
import { findPolicy } from './http/access-policy';
import { CSRF_HEADER } from './http/csrf';
import { SESSION_COOKIE } from './http/session-cookie';
import { accessResponses, type App } from './routes/common';

type OpenApiDocument = ReturnType<App['getOpenAPIDocument']>;
/** The part of an operation this file writes. */
interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
}

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '会话 Cookie（HttpOnly）：POST /api/session 登录成功后设置，DELETE /api/session 退出时清除。',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: `GET /api/session 返回的 csrfToken。已登录时每个 POST / PUT / PATCH / DELETE 请求都须在 ${CSRF_HEADER} 头中带上，否则 403。`,
  },
} as const;

/** The wording of routes/common.ts `accessResponses`, with the contract's error body (component `Error`). */
const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
const ACCESS_RESPONSES = {
  Unauthenticated: { description: accessResponses[401].description, content: errorBody },
  Forbidden: { description: accessResponses[403].description, content: errorBody },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the access policy says about one operation of the document. */
export interface OperationAccess {
  /** False for the public operations (the health check, sign-in, the public pages). */
  signedIn: boolean;
  /** True when a role or a scope decides (a policy naming an action). */
  gated: boolean;
  /** A state-changing method: CSRF (signed in) or the same-origin check (sign-in) may refuse it with 403. */
  change: boolean;
}

/** The access of `METHOD path` (path as the document writes it, `{id}`), or undefined when no policy row matches. */
export function operationAccess(method: string, path: string): OperationAccess | undefined {
  const m = method.toUpperCase();
  // Any canonical id names the same row; the access matrix test looks policies up the same way.
  const found = findPolicy(m, path.replace(/\{[^}]+\}/g, '1'));
  if (!found) return undefined;
  const { access } = found.policy;
  return { signedIn: access !== 'public', gated: access === 'action', change: CHANGES.has(m) };
}

function describeAccess(method: string, path: string, op: Operation): void {
  const access = operationAccess(method, path);
  if (!access) return; // a route without a policy is refused by the server; the access matrix test names it
  const { responses } = op;
  if (!access.signedIn) op.security = [];
  else op.security = [access.change ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }];
  if (access.signedIn) responses['401'] ??= { $ref: '#/components/responses/Unauthenticated' };
  if (access.gated || access.change) responses['403'] ??= { $ref: '#/components/responses/Forbidden' };
}

/** The generated document with the security schemes declared and each operation's access described. */
export function withAccess(document: OpenApiDocument): OpenApiDocument {
  const doc = structuredClone(document);
  doc.components = {
    ...doc.components,
    securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES },
    responses: { ...doc.components?.responses, ...ACCESS_RESPONSES },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {}) as Array<[string, Partial<Record<(typeof METHODS)[number], Operation>>]>) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) describeAccess(method, path, op);
    }
  }
  return doc;
}
