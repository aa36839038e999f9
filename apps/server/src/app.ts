/**
 * The HTTP application: the API routes (one file per resource in routes/), the OpenAPI document generated from the
 * zod contract, the error map, and optionally the built web app. No I/O happens here except through `ctx`.
 */
import { compress } from 'hono/compress';
import { mountWebApp } from './http/static';
import { notFound, sendError, toErrorResponse } from './http/error-map';
import type { AppContext } from './context';
import { createOpenApiApp, type App, type RegisterRoutes } from './routes/common';
import { registerDepartmentRoutes } from './routes/departments';
import { registerDocumentRoutes } from './routes/documents';
import { registerHealthRoutes } from './routes/health';
import { registerJobRoutes } from './routes/jobs';
import { registerIndicatorRoutes } from './routes/indicators';
import { registerProjectRoutes } from './routes/projects';
import { registerResultsUseRoutes } from './routes/results-use';
import { registerReviewRoutes } from './routes/reviews';
import { registerRuleSetRoutes } from './routes/rule-sets';
import { registerMonitoringRoutes } from './routes/monitoring';
import { registerSelfEvaluationRoutes } from './routes/self-evaluations';
import { registerAuditRoutes } from './routes/audit';
import { registerSessionRoutes } from './routes/session';
import { registerUserRoutes } from './routes/users';
import { registerPublicRoutes } from './routes/public';
import { registerSchemaRoutes } from './routes/schemas';
import { registerTemplateRoutes } from './routes/templates';
import { registerWorkflowRoutes } from './routes/workflow';
import { registerWorkbenchRoutes } from './routes/workbench';
import { registerDashboardRoutes } from './routes/dashboard';
import { registerRectificationRoutes } from './routes/rectifications';
import { accessPolicyMiddleware } from './http/access-policy';
import { bodyLimitMiddleware } from './http/body-limit';
import { csrfMiddleware } from './http/csrf';
import { requestIdMiddleware } from './http/request-id';
import { securityHeadersMiddleware } from './http/security-headers';
import { sessionMiddleware } from './http/session-cookie';
import { withAccess } from './openapi-document';

const ROUTES: RegisterRoutes[] = [
  registerHealthRoutes,
  registerDepartmentRoutes,
  registerProjectRoutes,
  registerIndicatorRoutes,
  registerDocumentRoutes,
  registerJobRoutes,
  registerReviewRoutes,
  registerRuleSetRoutes,
  registerMonitoringRoutes,
  registerSelfEvaluationRoutes,
  registerResultsUseRoutes,
  registerRectificationRoutes,
  registerSessionRoutes,
  registerUserRoutes,
  registerAuditRoutes,
  registerWorkflowRoutes,
  registerWorkbenchRoutes,
  registerDashboardRoutes,
  registerTemplateRoutes,
  registerPublicRoutes,
  registerSchemaRoutes,
];

export interface CreateAppOptions {
  /** Directory of the built web app; omit to serve the API only. */
  webDir?: string;
  /** Where unexpected errors are logged (default: console.error). */
  logError?: (e: unknown) => void;
}

export function createApp(ctx: AppContext, options: CreateAppOptions = {}): App {
  const app = createOpenApiApp();
  app.use('*', securityHeadersMiddleware);
  // JSON and CSV answers gzip-compressed for a browser that accepts it (a district's lists are hundreds of KB);
  // files (.xlsx, .docx) are zip already and go as they are.
  app.use('/api/*', compress());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Decision 010: who is asking, then CSRF, then the access policy — all before any route runs.
  app.use('/api/*', requestIdMiddleware);
  app.use('/api/*', bodyLimitMiddleware);
  app.use('/api/*', sessionMiddleware(ctx));
  app.use('/api/*', csrfMiddleware);
  app.use('/api/*', accessPolicyMiddleware(app, ctx));
  for (const register of ROUTES) register(app, ctx);
  // Generated once, on the first request: the routes and the access table do not change while the process runs.
  let openApi: ReturnType<typeof withAccess> | undefined;
  app.get('/api/openapi.json', (c) =>
    c.json(
      (openApi ??= withAccess(
        app.getOpenAPIDocument({
          openapi: '3.0.3',
          info: {
            title: 'jixiao 预算绩效管理 API',
            version: ctx.version,
            description:
              'REST + JSON。错误统一为 { error: { code, message, details? } }，message 为中文。列表分页用 limit/offset，返回 total。' +
              '登录后请求带会话 Cookie（sessionCookie）；已登录时的修改请求还须带 X-CSRF-Token（csrfToken，见 GET /api/session）。',
          },
        }),
      )),
    ),
  );
  if (options.webDir) mountWebApp(app, options.webDir);
  app.notFound((c) => sendError(c, notFound(c.req.path.startsWith('/api') ? '接口' : '页面')));
  app.onError((err, c) => sendError(c, toErrorResponse(err, options.logError)));
  return app;
}
