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
  ) {
    super(message);
    this.name = 'ApiError';
  }
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

async function send<T extends z.ZodType>(schema: T, input: string, init: RequestInit = {}): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('无法连接到 jixiao 服务，请确认服务已启动后刷新页面。', 0, 'NETWORK');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorDtoSchema.safeParse(body);
    if (parsed.success) throw new ApiError(parsed.data.error.message, response.status, parsed.data.error.code);
    throw new ApiError(`服务返回了错误（HTTP ${response.status}），请稍后重试。`, response.status, 'HTTP');
  }
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
export function sendJson<T extends z.ZodType>(schema: T, method: 'POST' | 'PUT', path: string, body: unknown): Promise<z.infer<T>> {
  return send(schema, path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}
