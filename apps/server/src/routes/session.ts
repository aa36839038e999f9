/**
 * Sign-in (decision 010): POST /api/session signs in and sets the HttpOnly cookie; GET answers who is signed in and
 * the CSRF token; DELETE signs out (the session is revoked in the database, so the old cookie is worthless);
 * PUT /api/me/password changes one's own password. GET /api/sign-in-info tells the sign-in page about demo mode.
 */
import { createRoute } from '@hono/zod-openapi';
import { changePasswordRequestSchema, sessionDtoSchema, signInInfoDtoSchema, signInRequestSchema, type SessionDto } from '@jixiao/contract';
import { changePassword, DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, signOut, type StoredUser } from '@jixiao/services';
import { actorOf } from '../http/actor';
import { clearSessionCookie, clientIp, setSessionCookie } from '../http/session-cookie';
import { accessResponses, errorResponses, json, jsonBody, type RegisterRoutes } from './common';

const info = createRoute({
  method: 'get',
  path: '/api/sign-in-info',
  operationId: 'getSignInInfo',
  tags: ['登录'],
  summary: '登录页需要的信息：是否为演示模式，演示账号',
  responses: { 200: json(signInInfoDtoSchema, '登录信息'), 500: errorResponses[500] },
});

const create = createRoute({
  method: 'post',
  path: '/api/session',
  operationId: 'signIn',
  tags: ['登录'],
  summary: '登录：用户名和密码正确则设置会话 Cookie（HttpOnly），返回当前用户和 CSRF 令牌',
  request: { body: jsonBody(signInRequestSchema) },
  responses: {
    200: json(sessionDtoSchema, '已登录'),
    ...errorResponses,
    ...accessResponses,
    429: { description: '失败次数过多，请稍后再试（message 说明到何时）', content: errorResponses[400].content },
  },
});

const show = createRoute({
  method: 'get',
  path: '/api/session',
  operationId: 'getSession',
  tags: ['登录'],
  summary: '当前登录的用户和 CSRF 令牌（未登录 401）',
  responses: { 200: json(sessionDtoSchema, '当前会话'), ...errorResponses, ...accessResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/session',
  operationId: 'signOut',
  tags: ['登录'],
  summary: '退出登录：会话作废，Cookie 清除',
  responses: { 204: { description: '已退出' }, ...errorResponses, ...accessResponses },
});

const password = createRoute({
  method: 'put',
  path: '/api/me/password',
  operationId: 'changeOwnPassword',
  tags: ['登录'],
  summary: '修改自己的密码（须输入当前密码）；本人其他会话随即失效',
  request: { body: jsonBody(changePasswordRequestSchema) },
  responses: { 204: { description: '已修改' }, ...errorResponses, ...accessResponses },
});

const userDto = (u: StoredUser) => ({ ...u });

export const registerSessionRoutes: RegisterRoutes = (app, ctx) => {
  const deps = { store: ctx.store, now: ctx.now, ...(ctx.sleep ? { sleep: ctx.sleep } : {}) };

  app.openapi(info, (c) =>
    c.json({ demo: ctx.demo, demoAccounts: ctx.demo ? DEMO_ACCOUNTS.map((a) => ({ username: a.username, displayName: a.displayName, role: a.role, password: DEMO_PASSWORD })) : [] }, 200),
  );

  app.openapi(create, async (c) => {
    const { username, password: secret } = c.req.valid('json');
    const signedIn = await signIn(deps, { username, password: secret, ip: clientIp(c, ctx), userAgent: c.req.header('User-Agent')?.slice(0, 300) ?? null, requestId: c.get('requestId') });
    // A session that was open in this browser ends: one cookie, one person.
    const previous = c.get('session');
    if (previous) await signOut(deps, previous, c.get('requestId'));
    setSessionCookie(c, ctx, signedIn.token, signedIn.expiresAt);
    const body: SessionDto = { user: userDto(signedIn.user), csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt, demo: ctx.demo };
    return c.json(body, 200);
  });

  app.openapi(show, (c) => {
    const session = c.get('session')!;
    return c.json({ user: userDto(session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt, demo: ctx.demo }, 200);
  });

  app.openapi(remove, async (c) => {
    await signOut(deps, c.get('session')!, c.get('requestId'));
    clearSessionCookie(c, ctx);
    return c.body(null, 204);
  });

  app.openapi(password, async (c) => {
    actorOf(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(deps, { session: c.get('session')!, currentPassword, newPassword, requestId: c.get('requestId') });
    return c.body(null, 204);
  });
};

