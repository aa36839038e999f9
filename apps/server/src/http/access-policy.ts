/**
 * THE access policy (issue 5 item 1, decision 010): one row per API route — method and path → the action it needs
 * (core `can`) and where the object's department is found. The middleware decides before the route runs:
 *   not signed in → 401; object missing or outside the actor's departments → 404 (existence does not leak);
 *   in scope but the role may not → 403.
 * A route that exists but has no row here is refused (fail closed); app.test/access-matrix.test check that every
 * route in /api/openapi.json has a row. Lists are filtered by the routes with `listScope` (http/actor.ts).
 */
import { ACTION_LABELS, denial, type Action } from '@jixiao/core';
import { parseCanonicalId } from '@jixiao/contract';
import type { ScopedObject } from '@jixiao/services';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../context';
import type { App, AppEnv } from '../routes/common';
import { notFound, sendError, type ErrorResponse } from './error-map';

/** Where the id of the object that decides the scope is found in the request. */
export interface ObjectRef {
  type: ScopedObject;
  from: 'param' | 'query' | 'body';
  name: string;
  /** A list filter (`?documentId=`) may be absent: the route then filters by `listScope`. */
  optional?: boolean;
}

export type Policy = { access: 'public' } | { access: 'signed-in' } | { access: 'action'; action: Action; object?: ObjectRef };

const PUBLIC: Policy = { access: 'public' };
const SIGNED_IN: Policy = { access: 'signed-in' };
const may = (action: Action, object?: ObjectRef): Policy => (object ? { access: 'action', action, object } : { access: 'action', action });
const param = (type: ScopedObject, name = 'id'): ObjectRef => ({ type, from: 'param', name });
const query = (type: ScopedObject, name: string): ObjectRef => ({ type, from: 'query', name, optional: true });
const body = (type: ScopedObject, name: string): ObjectRef => ({ type, from: 'body', name });

/** Keys are `METHOD path` exactly as /api/openapi.json writes them; `*` at the end matches the rest of the path. */
export const ACCESS_POLICY: Record<string, Policy> = {
  'GET /api/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/schemas/jixiao-v1.json': PUBLIC,
  'GET /api/templates/{kind}': PUBLIC,
  'GET /api/public/*': PUBLIC,
  'GET /api/sign-in-info': PUBLIC,
  'POST /api/session': PUBLIC,
  'GET /api/session': SIGNED_IN,
  'DELETE /api/session': SIGNED_IN,
  'PUT /api/me/password': SIGNED_IN,
  /** Each person's own: what is on it is decided by their role and departments (services workbench/). */
  'GET /api/workbench': SIGNED_IN,

  'GET /api/departments': may('catalog.read'),
  'GET /api/departments/{id}': may('catalog.read', param('department')),
  'GET /api/departments/{id}/units': may('catalog.read', param('department')),
  'GET /api/projects': may('catalog.read'),
  'GET /api/projects/{id}': may('catalog.read', param('project')),
  'GET /api/indicators': may('catalog.read'),
  /** Aggregates over every department's approved targets, naming none: every role that browses may see them. */
  'GET /api/indicator-library': may('catalog.read'),
  /** 数据看板: aggregates over the person's departments (list scope); drilled into one, that one must be theirs. */
  'GET /api/dashboard': may('catalog.read', query('department', 'departmentId')),
  'GET /api/dashboard/export.xlsx': may('catalog.read', query('department', 'departmentId')),

  'GET /api/documents': may('document.read'),
  'GET /api/documents/{id}': may('document.read', param('document')),
  /** The department is known only once the file is read: the route checks it before storing (documents.ts). */
  'POST /api/documents': may('document.import'),
  /** Reads the file and stores nothing; the department is checked after reading, as for the upload. */
  'POST /api/documents/preview': may('document.import'),
  /** As the upload: the department is checked by the job when it has read the file (services jobs/import-job.ts). */
  'POST /api/import-jobs': may('document.import'),
  /** Any signed-in person follows their own jobs; someone else's is not found (services jobs/get-job.ts). */
  'GET /api/jobs': SIGNED_IN,
  'GET /api/jobs/{id}': SIGNED_IN,
  'GET /api/jobs/{id}/file': SIGNED_IN,
  /** Reading is every role's within its departments: the job checks the object's department (jobs/output-job.ts). */
  'POST /api/output-jobs': SIGNED_IN,
  /** Withdrawing a draft: whoever may import for the document's department (services withdraw-document.ts). */
  'DELETE /api/documents/{id}': may('document.import', param('document')),
  'PUT /api/documents/{id}/content': may('target.edit', param('document')),
  /** 结转: next year's draft is a new document of the same department, made by whoever may import for it. */
  'POST /api/documents/{id}/rollover': may('document.import', param('document')),
  'GET /api/documents/{id}/review': may('document.read', param('document')),
  'POST /api/documents/{id}/review/decisions': may('review.decide', param('document')),
  'POST /api/documents/{id}/review/findings': may('review.decide', param('document')),
  'PUT /api/documents/{id}/review/conclusion': may('review.decide', param('document')),
  'GET /api/documents/{id}/review/opinion.docx': may('document.read', param('document')),

  'GET /api/rule-sets': may('rule-set.read'),
  'GET /api/rule-sets/{id}/{version}': may('rule-set.read'),
  'POST /api/rule-sets': may('rule-set.manage'),
  'POST /api/rule-sets/activations': may('rule-set.manage'),

  'GET /api/users': may('user.manage'),
  'POST /api/users': may('user.manage'),
  'PATCH /api/users/{id}': may('user.manage'),
  'PUT /api/users/{id}/password': may('user.manage'),
  'GET /api/audit': may('audit.read'),
  'GET /api/audit/export.csv': may('audit.read'),

  // Workflow (decision 011): each transition needs its own permission; the core also checks the state and the role.
  'GET /api/documents/{id}/workflow': may('document.read', param('document')),
  'GET /api/documents/{id}/adjustment-changes': may('document.read', param('document')),
  'POST /api/documents/{id}/workflow/submit': may('workflow.submit', param('document')),
  'POST /api/documents/{id}/workflow/send-back': may('workflow.unit-approve', param('document')),
  'POST /api/documents/{id}/workflow/approve-unit': may('workflow.unit-approve', param('document')),
  'POST /api/documents/{id}/workflow/return': may('workflow.review', param('document')),
  'POST /api/documents/{id}/workflow/approve': may('workflow.review', param('document')),
  'POST /api/documents/{id}/workflow/reject': may('workflow.review', param('document')),
  'POST /api/documents/{id}/workflow/request-adjustment': may('workflow.request-adjustment', param('document')),
  'POST /api/documents/{id}/publication': may('publish', param('document')),
  'POST /api/documents/{id}/publication/withdrawal': may('publish', param('document')),
  // Evaluations: monitoring and self-evaluation need different permissions, so the core decides the role by kind.
  'GET /api/evaluations/{id}/workflow': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/workflow/submit': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/workflow/approve-unit': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/workflow/send-back': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/workflow/accept': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/workflow/return': may('document.read', param('evaluation')),
  'POST /api/evaluations/{id}/publication': may('publish', param('evaluation')),
  'POST /api/evaluations/{id}/publication/withdrawal': may('publish', param('evaluation')),
  'GET /api/period-locks': SIGNED_IN,
  'PUT /api/period-locks': may('period.lock'),

  // Monitoring (运行监控): `{id}` is the report (an evaluation).
  'GET /api/monitoring': may('monitoring.read', query('document', 'documentId')),
  'POST /api/monitoring': may('monitoring.edit', body('document', 'documentId')),
  'GET /api/monitoring/{id}': may('monitoring.read', param('evaluation')),
  'PUT /api/monitoring/{id}/entries': may('monitoring.edit', param('evaluation')),
  'POST /api/monitoring/{id}/submit': may('monitoring.submit', param('evaluation')),
  'GET /api/monitoring/{id}/table.xlsx': may('monitoring.read', param('evaluation')),
  'GET /api/monitoring/{id}/table.docx': may('monitoring.read', param('evaluation')),
  // 预警 (decision 038): everyone who reads the report sees its warnings; the unit that fills it in answers them.
  'GET /api/monitoring/{id}/warnings': may('monitoring.read', param('evaluation')),
  'POST /api/monitoring/{id}/warning-responses': may('monitoring.edit', param('evaluation')),

  // Results use (结果应用, R11): every role reads within its departments (the list by `listScope`); finance decides.
  'GET /api/results-use': may('results-use.read', query('department', 'departmentId')),
  'GET /api/results-use/table.xlsx': may('results-use.read', query('department', 'departmentId')),
  'POST /api/results-use/decisions': may('results-use.decide', body('document', 'documentId')),
  'GET /api/documents/{id}/last-year-results': may('results-use.read', param('document')),

  // Self-evaluation (绩效自评): `{id}` is the self-evaluation (an evaluation).
  'GET /api/self-evaluations': may('self-evaluation.read', query('document', 'documentId')),
  'POST /api/self-evaluations': may('self-evaluation.edit', body('document', 'documentId')),
  'GET /api/self-evaluations/{id}': may('self-evaluation.read', param('evaluation')),
  'PUT /api/self-evaluations/{id}/entries': may('self-evaluation.edit', param('evaluation')),
  'PUT /api/self-evaluations/{id}/report': may('self-evaluation.edit', param('evaluation')),
  'POST /api/self-evaluations/{id}/submit': may('self-evaluation.submit', param('evaluation')),
  'POST /api/self-evaluations/{id}/scores': may('self-evaluation.edit', param('evaluation')),
  'GET /api/self-evaluations/{id}/scores': may('self-evaluation.read', param('evaluation')),
  'GET /api/self-evaluations/{id}/actuals.xlsx': may('self-evaluation.read', param('evaluation')),
  'POST /api/self-evaluations/{id}/actuals.xlsx': may('self-evaluation.edit', param('evaluation')),
  'GET /api/self-evaluations/{id}/project-table.xlsx': may('self-evaluation.read', param('evaluation')),
  'GET /api/self-evaluations/{id}/department-table.xlsx': may('self-evaluation.read', param('evaluation')),
  'GET /api/self-evaluations/{id}/report.docx': may('self-evaluation.read', param('evaluation')),

  // 整改 (decision 032): every role reads within its departments; the finance reviewer creates and moves; the unit's editor feeds back.
  'GET /api/rectifications': may('rectification.read', query('department', 'departmentId')),
  'GET /api/departments/{id}/rectification-report.docx': may('rectification.read', param('department')),
  'POST /api/rectifications': may('rectification.manage', body('department', 'departmentId')),
  'POST /api/rectifications/from-finding': may('rectification.manage', body('document', 'documentId')),
  'POST /api/rectifications/from-monitoring-line': may('rectification.manage', body('evaluation', 'evaluationId')),
  'GET /api/rectifications/{id}': may('rectification.read', param('rectification')),
  'GET /api/rectifications/{id}/notice.docx': may('rectification.read', param('rectification')),
  'POST /api/rectifications/{id}/issue': may('rectification.manage', param('rectification')),
  'POST /api/rectifications/{id}/verify': may('rectification.manage', param('rectification')),
  'POST /api/rectifications/{id}/return': may('rectification.manage', param('rectification')),
  'POST /api/rectifications/{id}/feedback': may('rectification.feedback', param('rectification')),
  // 佐证材料: readable by whoever sees the owner's department (the attachment keeps it); another department's is 404.
  'GET /api/attachments/{id}': may('evidence.read', param('attachment')),
};

interface CompiledPolicy {
  key: string;
  method: string;
  pattern: RegExp;
  policy: Policy;
  /** Path parameters that are object ids (all but the named slugs): canonical positive integers or 404. */
  idParams: string[];
}

/** Path parameters that are names, not numeric ids. */
const SLUG_PARAMS: Record<string, string[]> = { 'GET /api/rule-sets/{id}/{version}': ['id'], 'GET /api/templates/{kind}': ['kind'] };

/** `/api/documents/{id}` (OpenAPI) or `/api/documents/:id` (Hono) → a regular expression of the whole path. */
export function pathPattern(path: string): RegExp {
  const wildcard = path.endsWith('/*');
  const base = wildcard ? path.slice(0, -2) : path;
  const source = base
    .split('/')
    .map((part) => {
      const name = /^\{(.+)\}$|^:(.+)$/.exec(part);
      return name ? `(?<${name[1] ?? name[2]}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}${wildcard ? '(?:/.*)?' : ''}$`);
}

function compile(table: Record<string, Policy>): CompiledPolicy[] {
  return Object.entries(table)
    .map(([key, policy]) => {
      const [method, path] = key.split(' ') as [string, string];
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const idParams = params.filter((name) => !(SLUG_PARAMS[key] ?? []).includes(name));
      return { key, method, pattern: pathPattern(path), policy, idParams };
    })
    .sort((a, b) => (a.key.match(/\{/g)?.length ?? 0) - (b.key.match(/\{/g)?.length ?? 0)); // literal paths first
}

const COMPILED = compile(ACCESS_POLICY);

export function findPolicy(method: string, path: string): CompiledPolicy | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((p) => p.method === m && p.pattern.test(path));
}

const OBJECT_LABELS: Record<ScopedObject, string> = {
  department: '部门',
  unit: '预算单位',
  document: '文档',
  project: '项目',
  indicator: '指标',
  evaluation: '报告',
  rectification: '整改事项',
  attachment: '佐证材料',
};

const error = (status: 400 | 401 | 403 | 404, code: string, message: string): ErrorResponse => ({ status, body: { error: { code, message } } });

export const UNAUTHENTICATED = error(401, 'UNAUTHENTICATED', '请先登录（登录已过期或已退出）。');

async function objectId(c: Context, ref: ObjectRef, pattern: RegExp): Promise<unknown> {
  // A middleware on /api/* sees no route params: they are read from the path with the policy's own pattern.
  if (ref.from === 'param') return pattern.exec(c.req.path)?.groups?.[ref.name];
  if (ref.from === 'query') return c.req.query(ref.name);
  const parsed: unknown = await c.req.json().catch(() => undefined);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[ref.name] : undefined;
}

/** The decision for one request, or null to let the route run. */
async function decide(c: Context<AppEnv>, ctx: AppContext, { policy, pattern }: CompiledPolicy): Promise<ErrorResponse | null> {
  if (policy.access === 'public') return null;
  const actor = c.get('session')?.actor;
  if (!actor) return UNAUTHENTICATED;
  if (policy.access === 'signed-in') return null;
  const refused = error(403, 'FORBIDDEN', `您的角色没有「${ACTION_LABELS[policy.action]}」的权限。如需办理，请联系管理员。`);
  if (!policy.object) return denial(actor, policy.action) ? refused : null;

  const ref = policy.object;
  const raw = await objectId(c, ref, pattern);
  if (raw === undefined || raw === null || raw === '') {
    if (denial(actor, policy.action)) return refused;
    return ref.optional ? null : error(400, 'VALIDATION', `请求参数有误：缺少${OBJECT_LABELS[ref.type]}编号。`);
  }
  // The one parse of the id (contract `parseCanonicalId`): the route's schema accepts exactly the same spellings,
  // so the id checked here is the id the handler uses. Anything else names no object: 404 in a path, 400 elsewhere.
  const id = parseCanonicalId(raw);
  if (id === undefined) {
    if (ref.from === 'param') return error(404, 'NOT_FOUND', `找不到该${OBJECT_LABELS[ref.type]}（编号必须是正整数）。`);
    return error(400, 'VALIDATION', `请求参数有误：${OBJECT_LABELS[ref.type]}编号必须是正整数。`);
  }
  const missing = error(404, 'NOT_FOUND', `找不到编号为 ${id} 的${OBJECT_LABELS[ref.type]}。`);
  const departmentId = await ctx.store.scope.departmentOf(ref.type, id);
  if (departmentId === undefined) return missing;
  const why = denial(actor, policy.action, { departmentId });
  if (why === 'out-of-scope') return missing;
  return why === 'role' ? refused : null;
}

/** Method + path of every route the app serves (Hono keeps them; `ALL` entries are middlewares). */
function servedBy(app: App, method: string, path: string): boolean {
  const m = method === 'HEAD' ? 'GET' : method;
  // Wildcards are middlewares and the web app's SPA fallback, not API routes.
  return app.routes.some((r) => r.method === m && !r.path.includes('*') && pathPattern(r.path).test(path));
}

export function accessPolicyMiddleware(app: App, ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = findPolicy(c.req.method, c.req.path);
    if (!found) {
      // Fail closed: a route nobody wrote a policy for is refused; an unknown path falls through to the JSON 404.
      if (servedBy(app, c.req.method, c.req.path)) return sendError(c, error(403, 'FORBIDDEN', '该接口尚未配置访问权限，已拒绝。'));
      return next();
    }
    // Before anything else: a path id in any spelling but the canonical one names nothing (issue 9 item 1).
    const groups = found.pattern.exec(c.req.path)?.groups ?? {};
    if (found.idParams.some((name) => parseCanonicalId(groups[name]) === undefined)) return sendError(c, notFound('对象'));
    const refusal = await decide(c, ctx, found);
    if (refusal) return sendError(c, refusal);
    return next();
  };
}
