/**
 * The access matrix (issue 5 item 7, decision 010): every route in /api/openapi.json, called as every role and
 * anonymously, on an object of 金花街道 (the unit roles' own department) and on one of another 街道. The expected
 * answer is written here independently of http/access-policy.ts:
 *   anonymous → 401 (public routes excepted); object outside the person's departments → 404;
 *   in scope but the role may not → 403; allowed → anything else (the bodies sent are deliberately invalid, so an
 *   allowed change stops at validation and nothing changes — which the last test checks).
 * A new route fails here until it is given a row below: access is decided on purpose, never by default.
 */
import { rmSync } from 'node:fs';
import type { Role } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { openContext, type AppContext } from './context';
import { findPolicy } from './http/access-policy';
import { signedIn, type SignedInClient } from './testing/signed-in';
import { demoDataDir } from './testing/data-dirs';

const ROLES: Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];
type Who = Role | 'anonymous';

/** Who may call a route (on an object they can see). `core`: any signed-in role passes the gate; the workflow rules answer. */
type Allowed = 'anyone' | 'signed-in' | 'core' | readonly Role[];
const EDIT: Role[] = ['unit-editor', 'admin'];
const UNIT: Role[] = ['unit-editor', 'unit-approver', 'admin'];
const REVIEW: Role[] = ['finance-reviewer', 'third-party-reviewer', 'admin'];
const FINANCE: Role[] = ['finance-reviewer', 'admin'];
const ADMIN: Role[] = ['admin'];

/** First match wins. Keys are `METHOD path` as in /api/openapi.json. */
const EXPECTED: Array<[RegExp, Allowed]> = [
  [/^GET \/api\/(health|openapi\.json|sign-in-info|public\/.*)$/, 'anyone'],
  [/^GET \/api\/schemas\/jixiao-v1\.json$|^GET \/api\/templates\/\{kind\}$/, 'anyone'],
  [/^POST \/api\/session$/, 'anyone'],
  [/^(GET|DELETE) \/api\/session$|^PUT \/api\/me\/password$/, 'signed-in'],
  [/ \/api\/users/, ADMIN],
  [/^GET \/api\/audit/, FINANCE],
  [/^POST \/api\/rule-sets/, ADMIN],
  [/^POST \/api\/documents$|^PUT \/api\/documents\/\{id\}\/content$/, EDIT],
  // Preview: the JSON body sent is not a form, so it stops at validation. Withdrawal: the target document of each
  // place has evaluations (placeOf), so an allowed withdrawal is refused (409) and the document stays.
  // An import job: the JSON body sent is not a form, so an allowed start stops at validation.
  [/^POST \/api\/import-jobs$/, EDIT],
  // Generating a file: any signed-in role; the job checks the object's department, and the matrix's body is invalid.
  [/^POST \/api\/output-jobs$/, 'signed-in'],
  [/^POST \/api\/documents\/preview$|^DELETE \/api\/documents\/\{id\}$/, EDIT],
  // 结转: the matrix's body is not a rollover request, so an allowed one stops at validation and nothing is made.
  [/^POST \/api\/documents\/\{id\}\/rollover$/, EDIT],
  [/^(POST|PUT) \/api\/documents\/\{id\}\/review\//, REVIEW],
  [/^POST \/api\/documents\/\{id\}\/workflow\/(submit|request-adjustment)$/, UNIT],
  [/^POST \/api\/documents\/\{id\}\/workflow\/(send-back|approve-unit)$/, ['unit-approver', 'admin']],
  [/^POST \/api\/documents\/\{id\}\/workflow\/(return|approve|reject)$/, FINANCE],
  [/^POST \/api\/(documents|evaluations)\/\{id\}\/publication(\/withdrawal)?$/, FINANCE],
  [/^POST \/api\/evaluations\/\{id\}\/workflow\//, 'core'],
  [/^PUT \/api\/period-locks$/, FINANCE],
  // 结果应用: finance decides; the matrix's body is invalid, so an allowed decision stops at validation.
  [/^POST \/api\/results-use\/decisions$/, FINANCE],
  [/^POST \/api\/(monitoring|self-evaluations)\/\{id\}\/submit$/, UNIT],
  [/^(POST|PUT) \/api\/(monitoring|self-evaluations)/, EDIT],
  // 数据看板: every role, over its own departments (drilled into another's → 404 by the scope rule above).
  [/^GET \/api\/dashboard/, ROLES],
  // 整改: the responsible unit's editor feeds back; the finance reviewer creates, issues, verifies and returns.
  [/^POST \/api\/rectifications\/\{id\}\/feedback$/, EDIT],
  [/^POST \/api\/rectifications/, FINANCE],
  // Reading items, their documents and 佐证材料: every role, within its departments.
  [/^GET /, 'signed-in'],
];

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
const clients = new Map<Who, SignedInClient | null>();

/** Ids of objects in 金花街道 (`own`) and in another 街道 that has the same kind of object (`other`). */
interface Place {
  departmentId: number;
  department: number;
  document: number;
  project: number;
  monitoring: number;
  selfEvaluation: number;
  rectification: number;
  attachment: number;
}
let own: Place;
let other: Place;
let someUserId: number;
/** A job the unit editor started: anyone else is told it does not exist (404), which `signed-in` allows. */
let someJobId: number;

async function placeOf(departmentId: number): Promise<Place> {
  const documents = await ctx.store.documents.listDocuments({ departmentId });
  const target = documents.find((d) => d.kind.includes('target')) ?? documents[0]!;
  const project = (await ctx.store.catalog.listProjects({ departmentId, limit: 1, offset: 0 })).items[0];
  // The demo data may already have them; otherwise they are made directly in the store.
  const evaluation = async (kind: 'monitoring' | 'self-evaluation', period: string) =>
    (await ctx.store.evaluations.listEvaluations({ documentId: target.id, kind }))[0]?.id ??
    (await ctx.store.evaluations.createEvaluation({ documentId: target.id, targetVersion: target.version, kind, period, entries: {}, by: 'matrix' })).id;
  // The demo has 整改 items in both places (services demo/seed-demo-rectification.ts); a file is added where none is.
  const item = (await ctx.store.rectifications.list({ departmentId, limit: 1, offset: 0 })).items[0]!;
  const files = await ctx.store.attachments.listFor('rectification', item.id);
  const attachment =
    files[0]?.id ??
    (await ctx.store.attachments.add({ ownerKind: 'rectification', ownerId: item.id, departmentId, fileName: 'matrix.pdf', type: 'pdf', mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: new TextEncoder().encode('%PDF-1.4 matrix') }, { username: 'matrix', displayName: 'matrix', role: 'admin' })).id;
  return {
    departmentId,
    department: departmentId,
    rectification: item.id,
    attachment,
    document: target.id,
    project: project?.id ?? 999_999,
    monitoring: await evaluation('monitoring', `${target.year ?? 2024}-07`),
    selfEvaluation: await evaluation('self-evaluation', String(target.year ?? 2024)),
  };
}

function sees(who: Who, departmentId: number): boolean {
  if (who === 'anonymous') return false;
  const user = clients.get(who)!.user;
  if (who === 'admin' || who === 'finance-reviewer') return true;
  if (who === 'third-party-reviewer') return user.assignedDepartmentIds.includes(departmentId);
  return user.departmentId === departmentId;
}

/** The concrete URL of an OpenAPI path on a place; null when the path has no object in a department. */
function urlFor(path: string, place: Place): { url: string; scoped: boolean } {
  const id = (n: number) => path.replace('{id}', String(n));
  if (path === '/api/templates/{kind}') return { url: '/api/templates/project', scoped: false };
  if (path.startsWith('/api/rule-sets/{id}/{version}')) return { url: '/api/rule-sets/cn-project-self-evaluation/1', scoped: false };
  if (path.startsWith('/api/users/{id}')) return { url: id(someUserId), scoped: false };
  if (path.startsWith('/api/jobs/{id}')) return { url: id(someJobId), scoped: false };
  if (path.startsWith('/api/public/documents/{id}')) return { url: id(place.document), scoped: false };
  if (path.startsWith('/api/public/self-evaluations/{id}')) return { url: id(place.selfEvaluation), scoped: false };
  if (path.startsWith('/api/departments/{id}')) return { url: id(place.department), scoped: true };
  if (path.startsWith('/api/projects/{id}')) return { url: id(place.project), scoped: true };
  if (path.startsWith('/api/documents/{id}')) return { url: id(place.document), scoped: true };
  if (path.startsWith('/api/monitoring/{id}') || path.startsWith('/api/evaluations/{id}')) return { url: id(place.monitoring), scoped: true };
  if (path.startsWith('/api/self-evaluations/{id}')) return { url: id(place.selfEvaluation), scoped: true };
  if (path.startsWith('/api/rectifications/{id}')) return { url: id(place.rectification), scoped: true };
  if (path.startsWith('/api/attachments/{id}')) return { url: id(place.attachment), scoped: true };
  // Made from a review finding: the body's documentId decides the department.
  if (path === '/api/rectifications/from-finding') return { url: path, scoped: true };
  if (path.includes('{')) throw new Error(`the access matrix does not know the object of ${path}: add it to urlFor`);
  // Routes that name their object in the body or the query.
  if (path === '/api/monitoring' || path === '/api/self-evaluations' || path === '/api/results-use/decisions') return { url: path, scoped: true };
  // The results-use table and its workbook, filtered to the place's department (another's is not found).
  if (path === '/api/results-use' || path === '/api/results-use/table.xlsx') return { url: `${path}?year=2024&departmentId=${place.departmentId}`, scoped: true };
  // 数据看板 drilled into the place's department: another department's is refused as not found.
  if (path === '/api/dashboard') return { url: `${path}?departmentId=${place.department}`, scoped: true };
  if (path === '/api/dashboard/export.xlsx') return { url: `${path}?chart=execution&departmentId=${place.department}`, scoped: true };
  return { url: path, scoped: false };
}

async function call(who: Who, method: string, url: string, place: Place): Promise<Response> {
  const upper = method.toUpperCase();
  const listQuery = upper === 'GET' && (url === '/api/monitoring' || url === '/api/self-evaluations') ? `?documentId=${place.document}` : '';
  // An unknown key makes every (strict) body invalid: an allowed change stops at validation.
  const body = upper === 'GET' ? undefined : JSON.stringify({ documentId: place.document, __matrix: true });
  const init: RequestInit = { method: upper, ...(body ? { headers: { 'Content-Type': 'application/json' }, body } : {}) };
  const client = clients.get(who);
  return client ? client.request(url + listQuery, init) : app.request(url + listQuery, init);
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-matrix-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  clients.set('anonymous', null);
  for (const role of ROLES) clients.set(role, await signedIn(app, role));
  const departments = await ctx.store.catalog.listDepartments({});
  const jinhua = departments.find((d) => d.name.includes('金花'))!;
  const huadi = departments.find((d) => d.name.includes('花地'))!;
  own = await placeOf(jinhua.id);
  other = await placeOf(huadi.id);
  someUserId = clients.get('unit-approver')!.user.id;
  const editor = await ctx.store.users.getUser(clients.get('unit-editor')!.user.id);
  const actor = { userId: editor.id, username: editor.username, displayName: editor.displayName, role: editor.role, departmentId: editor.departmentId, assignedDepartmentIds: editor.assignedDepartmentIds };
  someJobId = (await ctx.store.jobs.enqueue({ kind: 'import', actor, requestId: null, title: 'matrix.txt', input: { fileName: 'matrix.txt' }, file: null, progress: { done: 0, total: 3, label: '排队等候' } }, new Date())).id;
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Other spellings of the id `n` in a path (issue 9 item 1), and `n` with each digit percent-encoded (which is `n`). */
const spellings = (n: number) => [`%2B${n}`, `+${n}`, `0${n}`, `${n}.0`, `${n}%20`, `${n}%00`, `${n}e0`, `0x${n.toString(16)}`, `${n}%2F`, `%20${n}`];
const encodedSelf = (n: number) => [...String(n)].map((d) => `%3${d}`).join('');

describe('the access matrix', () => {
  it('has a policy for every route in /api/openapi.json, and an expectation here', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!findPolicy(method.toUpperCase(), path.replace(/\{[^}]+\}/g, '1'))) missing.push(`policy: ${key}`);
        if (!EXPECTED.some(([re]) => re.test(key))) missing.push(`expectation: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every route as every role and anonymously: 401 / 404 outside scope / 403 wrong role / allowed', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const wrong: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        const allowed = EXPECTED.find(([re]) => re.test(key))![1];
        for (const place of [own, other]) {
          const { url, scoped } = urlFor(path, place);
          for (const who of clients.keys()) {
            // Signing out in the middle would end the rest of this role's calls; sign-out has its own tests.
            if (key === 'DELETE /api/session' && who !== 'anonymous') continue;
            const res = await call(who, method, url, place);
            calls++;
            const status = res.status;
            let expected: string;
            let ok: boolean;
            if (allowed === 'anyone') {
              expected = 'not 401/403';
              ok = status !== 401 && status !== 403;
            } else if (who === 'anonymous') {
              expected = '401';
              ok = status === 401;
            } else if (scoped && !sees(who, place.departmentId)) {
              expected = '404 (outside scope)';
              ok = status === 404;
            } else if (allowed === 'signed-in' || allowed === 'core' || allowed.includes(who)) {
              expected = allowed === 'core' ? 'not 401/404' : 'allowed (not 401/403, and not 404 in scope)';
              ok = status !== 401 && (allowed === 'core' || status !== 403) && !(scoped && status === 404);
            } else {
              expected = '403';
              ok = status === 403;
            }
            if (!ok) wrong.push(`${who} ${key} on ${place === own ? '金花' : '花地'} → ${status}, expected ${expected}: ${(await res.text()).slice(0, 160)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  }, 600_000);

  it('reads an id one way only: every other spelling of an id names nothing (404) on every route with an id', async () => {
    // Issue 9 item 1: `/api/documents/%2B6` once answered with another 街道's document, because the policy and the
    // route parsed the id differently. `%36` is the URL encoding of `6` itself, so it must be exactly as `6`.
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const wrong: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.includes('{')) continue;
      for (const method of Object.keys(methods)) {
        for (const place of [own, other]) {
          const { url: canonical, scoped } = urlFor(path, place);
          const idNow = /\/(\d+)(?:\/|$)/.exec(canonical)?.[1];
          if (!idNow) continue;
          const n = Number(idNow);
          const at = (spelled: string) => canonical.replace(new RegExp(`/${n}(/|$)`), `/${spelled}$1`);
          for (const who of ['unit-editor', 'third-party-reviewer', 'admin'] as const) {
            for (const spelled of spellings(n)) {
              const res = await call(who, method, at(spelled), place);
              calls++;
              if (res.status !== 404) wrong.push(`${who} ${method.toUpperCase()} ${at(spelled)} → ${res.status}, expected 404: ${(await res.text()).slice(0, 120)}`);
            }
            // The percent-encoded digits are the id itself: outside scope 404, as the plain id.
            const plain = await call(who, method, canonical, place);
            const encoded = await call(who, method, at(encodedSelf(n)), place);
            calls += 2;
            if (encoded.status !== plain.status) wrong.push(`${who} ${method.toUpperCase()} ${at(encodedSelf(n))} → ${encoded.status}, but ${canonical} → ${plain.status}`);
            if (scoped && !sees(who, place.departmentId) && encoded.status !== 404) wrong.push(`${who} ${at(encodedSelf(n))} outside scope → ${encoded.status}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  }, 600_000);

  it('changed nothing: no audit entry but sign-ins, no new document version, no decision', async () => {
    const changes = await ctx.store.audit.listAudit({ limit: 500 });
    // Start-up's own entries (the system's, and the demo publication's, request id demo-seed) are not the matrix's.
    expect(changes.items.filter((e) => e.action !== 'session.sign-in' && e.actor.username !== 'system' && e.requestId !== 'demo-seed')).toEqual([]);
    for (const place of [own, other]) {
      const [summary] = (await ctx.store.documents.listDocuments({ departmentId: place.departmentId })).filter((d) => d.id === place.document);
      expect(summary?.version).toBe(1);
      expect(await ctx.store.reviews.listDecisions(place.document)).toEqual([]);
    }
  });
});
