/**
 * The server's settings, read from the environment once, at start. Every problem is reported together, so a
 * misconfigured install fails with the full list instead of one complaint at a time.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Only this machine by default; HOST=0.0.0.0 shares it on the network (every route needs sign-in, decision 010; put HTTPS in front). */
  HOST: z.string().min(1).default('127.0.0.1'),
  JIXIAO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  /** PostgreSQL: connections per app server (several servers share one database: their pools add up). */
  JIXIAO_DB_POOL_SIZE: z.coerce.number({ message: 'JIXIAO_DB_POOL_SIZE 应为 1–200 的整数' }).int('JIXIAO_DB_POOL_SIZE 应为 1–200 的整数').min(1, 'JIXIAO_DB_POOL_SIZE 应为 1–200 的整数').max(200, 'JIXIAO_DB_POOL_SIZE 应为 1–200 的整数').default(10),
  /** PostgreSQL: the longest any one statement may run, in milliseconds; 0 (default) sets no limit. */
  JIXIAO_DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ message: 'JIXIAO_DB_STATEMENT_TIMEOUT_MS 应为毫秒数（0 表示不限）' }).int('JIXIAO_DB_STATEMENT_TIMEOUT_MS 应为毫秒数（0 表示不限）').min(0, 'JIXIAO_DB_STATEMENT_TIMEOUT_MS 应为毫秒数（0 表示不限）').default(0),
  /** Seed the demo documents on first start. Default on: an empty system is hard to try out. */
  JIXIAO_DEMO: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''], { message: 'JIXIAO_DEMO 只能是 1/0、true/false、yes/no 或 on/off' })
    .optional()
    .transform((v) => v === undefined || v === '' || ['1', 'true', 'yes', 'on'].includes(v)),
  /** Always mark the session cookie Secure (behind an HTTPS proxy that does not send X-Forwarded-Proto). Default off. */
  JIXIAO_SECURE_COOKIES: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''], { message: 'JIXIAO_SECURE_COOKIES 只能是 1/0、true/false、yes/no 或 on/off' })
    .optional()
    .transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v)),
  /** Behind a reverse proxy you run: take the client address from X-Forwarded-For (sign-in throttling). Default off. */
  JIXIAO_TRUST_PROXY: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''], { message: 'JIXIAO_TRUST_PROXY 只能是 1/0、true/false、yes/no 或 on/off' })
    .optional()
    .transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v)),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the PGlite data directory (unused when `databaseUrl` is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connection settings (ignored on PGlite). */
  postgres: { poolSize: number; statementTimeoutMs: number };
  /** Whether to seed the demo documents into an empty database, and keep the demo accounts (decision 010). */
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (configuration error):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (default: `process.env`). Throws `ConfigError` listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = envSchema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    JIXIAO_DATA_DIR: env.JIXIAO_DATA_DIR || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    JIXIAO_DB_POOL_SIZE: env.JIXIAO_DB_POOL_SIZE || undefined,
    JIXIAO_DB_STATEMENT_TIMEOUT_MS: env.JIXIAO_DB_STATEMENT_TIMEOUT_MS || undefined,
    JIXIAO_DEMO: env.JIXIAO_DEMO,
    JIXIAO_SECURE_COOKIES: env.JIXIAO_SECURE_COOKIES,
    JIXIAO_TRUST_PROXY: env.JIXIAO_TRUST_PROXY,
  });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir: resolve(parsed.data.JIXIAO_DATA_DIR),
    databaseUrl: parsed.data.DATABASE_URL,
    postgres: { poolSize: parsed.data.JIXIAO_DB_POOL_SIZE, statementTimeoutMs: parsed.data.JIXIAO_DB_STATEMENT_TIMEOUT_MS },
    demo: parsed.data.JIXIAO_DEMO,
    secureCookies: parsed.data.JIXIAO_SECURE_COOKIES,
    trustProxy: parsed.data.JIXIAO_TRUST_PROXY,
  };
}
