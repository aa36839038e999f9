/**
 * Every API request gets an id (X-Request-Id, echoed in the response) that the audit trail records, so a change
 * can be traced to the request that made it. Generated here, never taken from the client: an audit entry must not
 * carry an id someone chose.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/common';

export const requestIdMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
  c.header('X-Request-Id', id);
};
