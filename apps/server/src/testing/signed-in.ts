/**
 * For in-process tests (`app.request`): sign in the way a browser does and get a client that sends the session
 * cookie on every request and the CSRF token on every state-changing one. With a demo context the demo accounts
 * exist; `ensureUser` makes any other user directly in the store.
 */
import type { Role } from '@jixiao/core';
import { sessionDtoSchema, type UserDto } from '@jixiao/contract';
import { createUser, DEMO_ACCOUNTS, DEMO_PASSWORD } from '@jixiao/services';
import type { AppContext } from '../context';
import { CSRF_HEADER } from '../http/csrf';
import { SESSION_COOKIE } from '../http/session-cookie';

interface RequestingApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface SignedInClient {
  user: UserDto;
  cookie: string;
  csrfToken: string;
  /** Like `app.request`, with the cookie (and the CSRF token unless `headers` already names one, or `csrf: false`). */
  request(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
  /** JSON in, JSON (or null) out. */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The demo account of a role (demo contexts), e.g. `jinhua-editor` for `unit-editor`. */
export function demoUsername(role: Role): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account.username;
}

export const TEST_PASSWORD = 'test-password-1';

/** Makes a user in the store unless it exists (password `TEST_PASSWORD`). */
export async function ensureUser(
  ctx: AppContext,
  input: { username: string; role: Role; departmentId?: number | null; assignedDepartmentIds?: number[]; displayName?: string },
): Promise<void> {
  if (await ctx.store.users.findForSignIn(input.username)) return;
  await createUser({ store: ctx.store }, { actor: null, requestId: 'test' }, { displayName: input.username, password: TEST_PASSWORD, ...input });
}

function cookieFrom(res: Response): string {
  const set = res.headers.get('Set-Cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(set);
  if (!match) throw new Error(`sign-in set no cookie (status ${res.status})`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

export function clientFor(app: RequestingApp, session: { user: UserDto; csrfToken: string; cookie: string }): SignedInClient {
  const request = async (path: string, init: RequestInit & { csrf?: boolean } = {}) => {
    const { csrf = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('Cookie', session.cookie);
    if (csrf && !SAFE.has((rest.method ?? 'GET').toUpperCase()) && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, session.csrfToken);
    return app.request(path, { ...rest, headers });
  };
  return {
    ...session,
    request,
    async send(method, path, body) {
      const res = await request(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}

/**
 * Signs in as `who`: a role (its demo account, demo contexts only) or `{ username, password }`.
 */
export async function signedIn(app: RequestingApp, who: Role | { username: string; password?: string }): Promise<SignedInClient> {
  const credentials = typeof who === 'string' ? { username: demoUsername(who), password: DEMO_PASSWORD } : { username: who.username, password: who.password ?? TEST_PASSWORD };
  const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
  if (res.status !== 200) throw new Error(`sign-in as ${credentials.username} failed: ${res.status} ${await res.text()}`);
  const session = sessionDtoSchema.parse(await res.json());
  return clientFor(app, { user: session.user, csrfToken: session.csrfToken, cookie: cookieFrom(res) });
}
