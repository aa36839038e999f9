/**
 * The session cookie (decision 010): `jixiao_session`, HttpOnly (scripts cannot read it), SameSite=Lax (not sent
 * on cross-site POSTs), Path=/, and Secure whenever the request came over HTTPS — directly, or behind a proxy
 * that says so in `X-Forwarded-Proto` — or the server is configured to always require it.
 */
import { currentSession } from '@jixiao/services';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context';
import type { AppEnv } from '../routes/common';

export const SESSION_COOKIE = 'jixiao_session';

function overHttps(c: Context, ctx: AppContext): boolean {
  if (ctx.secureCookies) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function setSessionCookie(c: Context, ctx: AppContext, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((new Date(expiresAt).getTime() - ctx.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: overHttps(c, ctx), maxAge });
}

export function clearSessionCookie(c: Context, ctx: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: overHttps(c, ctx) });
}

/** Resolves the cookie to a live session (or null) before any route runs. */
export function sessionMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? await currentSession({ store: ctx.store, now: ctx.now }, token) : null);
    await next();
  };
}

/** The address of the client, for throttling sign-ins (the socket's; `X-Forwarded-For` only behind a trusted proxy). */
export function clientIp(c: Context, ctx: AppContext): string | null {
  if (ctx.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
