/**
 * CSRF protection (decision 010). Every state-changing request (POST/PUT/PATCH/DELETE) of a signed-in session must
 * carry the session's token in `X-CSRF-Token` (returned by GET /api/session; a cross-site page cannot read it).
 * Sign-in itself has no session yet: it is refused when its Origin (or Referer) names another site.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/common';
import { sendError } from './error-map';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when Origin/Referer are absent (same-origin tools, curl) or name this host. */
export function sameOrigin(c: Context): boolean {
  const claimed = c.req.header('Origin') ?? c.req.header('Referer');
  if (!claimed || claimed === 'null') return claimed !== 'null';
  try {
    const host = c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host;
    return new URL(claimed).host === host;
  } catch {
    return false;
  }
}

const refused = (c: Context, message: string) => sendError(c, { status: 403, body: { error: { code: 'FORBIDDEN', message } } });

export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const isSignIn = c.req.method === 'POST' && c.req.path === '/api/session';
  if (isSignIn) return sameOrigin(c) ? next() : refused(c, '登录请求来自其他网站，已拒绝。请在 jixiao 的登录页登录。');
  const session = c.get('session');
  if (!session) return next(); // anonymous requests are refused (401) by the access policy
  const sent = c.req.header(CSRF_HEADER);
  if (!sent || !sameToken(sent, session.csrfToken)) return refused(c, '安全校验未通过（页面已过期或请求不是从本系统发出的），请刷新页面后重试。');
  return next();
};
