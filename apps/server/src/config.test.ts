import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that start a demo on this machine', () => {
    expect(loadConfig({})).toEqual({ port: 8080, host: '127.0.0.1', dataDir: resolve('./data'), databaseUrl: undefined, postgres: { poolSize: 10, statementTimeoutMs: 0 }, demo: true, secureCookies: false, trustProxy: false });
  });

  it('reads every setting', () => {
    const config = loadConfig({ PORT: '9000', HOST: '0.0.0.0', JIXIAO_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', JIXIAO_DB_POOL_SIZE: '40', JIXIAO_DB_STATEMENT_TIMEOUT_MS: '15000', JIXIAO_DEMO: '0', JIXIAO_SECURE_COOKIES: '1', JIXIAO_TRUST_PROXY: 'yes' });
    expect(config).toEqual({ port: 9000, host: '0.0.0.0', dataDir: '/tmp/x', databaseUrl: 'postgres://u@h/db', postgres: { poolSize: 40, statementTimeoutMs: 15000 }, demo: false, secureCookies: true, trustProxy: true });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', JIXIAO_DEMO: '' })).toMatchObject({ port: 8080, databaseUrl: undefined, demo: true });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JIXIAO_DEMO: 'maybe', JIXIAO_DB_POOL_SIZE: '0', JIXIAO_DB_STATEMENT_TIMEOUT_MS: 'soon' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(5);
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL 必须以 postgres/);
    expect(problems).toMatch(/JIXIAO_DEMO 只能是/);
    expect(problems).toMatch(/JIXIAO_DB_POOL_SIZE 应为 1–200 的整数/);
    expect(problems).toMatch(/JIXIAO_DB_STATEMENT_TIMEOUT_MS 应为毫秒数/);
  });
});
