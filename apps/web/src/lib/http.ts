/**
 * The typed client of the jixiao API: every response is parsed with its contract schema, every failure becomes an
 * `ApiError` carrying the server's Chinese message (or one of ours when the server cannot be reached).
 */
import { errorDtoSchema } from '@jixiao/contract';
import type { z } from 'zod';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** The error body's `details` (e.g. every error of a refused workbook by sheet, row and column). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The server's message without the English the CLI's users get after it (「…再导入。 (the document states no budget
 * year)」): pages speak Chinese only.
 */
export function chineseReason(message: string): string {
  return message.replace(/\s*\((?=[^()]*[A-Za-z]{3})[\x20-\x7e]*\)\s*$/, '').trim();
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Sign-in (decision 010): the session's CSRF token goes on every state-changing request; a 401 hands over to the
 * sign-in page (which comes back to where the person was). Set by features/session.
 */
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Headers every request carries: JSON, and the CSRF token when signed in (sent on reads too; harmless). */
export function authHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Fetches and turns every failure into an `ApiError`; answers the parsed JSON body (undefined when none). */
async function request(input: string, init: RequestInit = {}): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { Accept: 'application/json', ...authHeaders(), ...init.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('无法连接到 jixiao 服务，请确认服务已启动后刷新页面。', 0, 'NETWORK');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    // Signing in answers 401 for a wrong password: that is the page's to show, not a reason to redirect.
    if (response.status === 401 && input !== '/api/session') onUnauthenticated?.();
    const parsed = errorDtoSchema.safeParse(body);
    if (parsed.success) throw new ApiError(chineseReason(parsed.data.error.message), response.status, parsed.data.error.code, parsed.data.error.details);
    if (response.status === 403) throw new ApiError('您没有权限进行此操作；如需办理，请联系管理员。', 403, 'FORBIDDEN');
    throw new ApiError(`服务返回了错误（HTTP ${response.status}），请稍后重试。`, response.status, 'HTTP');
  }
  return { response, body };
}

async function send<T extends z.ZodType>(schema: T, input: string, init: RequestInit = {}): Promise<z.infer<T>> {
  const { response, body } = await request(input, init);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn('unexpected response', input, parsed.error.issues);
    throw new ApiError('服务返回的数据格式与页面不一致，请刷新页面；如果仍然出现，请联系管理员。', response.status, 'SCHEMA');
  }
  return parsed.data;
}

export function getJson<T extends z.ZodType>(schema: T, path: string, query?: Query, signal?: AbortSignal): Promise<z.infer<T>> {
  return send(schema, withQuery(path, query), signal ? { signal } : {});
}

export function postForm<T extends z.ZodType>(schema: T, path: string, form: FormData): Promise<z.infer<T>> {
  return send(schema, path, { method: 'POST', body: form });
}

/** A JSON request body (POST/PUT), the response parsed with its contract schema. */
export function sendJson<T extends z.ZodType>(schema: T, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<z.infer<T>> {
  return send(schema, path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

/** A request answered with 204 No Content (sign-out, password changes). */
export async function sendNoContent(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  await request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
}
