import { AppError } from '@jixiao/services';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toErrorResponse, validationError } from './error-map';

describe('error map', () => {
  it('maps AppError codes to statuses and keeps the Chinese message', () => {
    const r = toErrorResponse(new AppError('NOT_FOUND', '找不到编号为 7 的项目'));
    expect(r).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '找不到编号为 7 的项目' } } });
    expect(toErrorResponse(new AppError('BAD_INPUT', '文件是空的')).status).toBe(400);
    expect(toErrorResponse(new AppError('YEAR_MISMATCH', '年度不一致', { document: 2024, given: 2023 })).body.error.details).toEqual({
      document: 2024,
      given: 2023,
    });
    expect(toErrorResponse(new AppError('DATA_DIR_LOCKED', '数据目录已被占用')).status).toBe(503);
  });

  it('answers unknown failures with 500 and no internals, and logs them', () => {
    const logged: unknown[] = [];
    const r = toErrorResponse(new TypeError('cannot read x of undefined at /srv/secret.ts:1'), (e) => logged.push(e));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toMatch(/secret|TypeError|undefined/);
    expect(r.body.error.message).toMatch(/服务器内部错误/);
    expect(logged).toHaveLength(1);
  });

  it('turns a too-large body into a Chinese 413', () => {
    expect(toErrorResponse(new HTTPException(413)).body.error.message).toMatch(/文件太大/);
  });

  it('names the fields of a failed validation in Chinese', () => {
    const schema = z.strictObject({ year: z.coerce.number().int(), limit: z.number().max(500) });
    const result = schema.safeParse({ year: 'abc', limit: 1000, colour: 'red' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const r = validationError(result.error);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.message).toMatch(/^请求参数有误：/);
    expect(r.body.error.message).toContain('年度格式不对');
    expect(r.body.error.message).toContain('每页条数太大（最大 500）');
    expect(r.body.error.message).toContain('不认识的参数：colour');
  });
});
