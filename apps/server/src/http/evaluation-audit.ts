/**
 * The audit trail for monitoring reports and self-evaluations (decision 010): every successful change through their
 * routes is recorded with the evaluation as it was before and after (entries, report, status, revision), without
 * each route having to say so. The routes stay as they are; a new mutating route under these paths is audited too.
 */
import { recordChange, type StoredEvaluation } from '@jixiao/services';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../routes/common';
import { changeContext } from './actor';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const PATH = /^\/api\/(monitoring|self-evaluations)(?:\/(\d+)(?:\/([a-z.-]+))?)?$/;
const KIND: Record<string, string> = { monitoring: 'monitoring', 'self-evaluations': 'self-evaluation' };
/** The verb of each sub-path (`entries` → save); a plain POST on the collection starts one. */
const VERB: Record<string, string> = { entries: 'save', report: 'save-report', submit: 'submit', scores: 'keep-score', 'actuals.xlsx': 'import-actuals' };

const snapshot = (e: StoredEvaluation | null) =>
  e && { kind: e.kind, period: e.period, documentId: e.documentId, targetVersion: e.targetVersion, status: e.status, revision: e.revision, entries: e.entries, report: e.report };

/** The evaluation a create made: the newest of its kind for the document named in the request body. */
async function created(ctx: AppContext, kind: string, body: unknown): Promise<number | undefined> {
  const documentId = Number((body as { documentId?: unknown } | null)?.documentId);
  if (!Number.isSafeInteger(documentId)) return undefined;
  const all = await ctx.store.evaluations.listEvaluations({ documentId, kind: kind as StoredEvaluation['kind'] });
  return all.length ? Math.max(...all.map((e) => e.id)) : undefined;
}

export function evaluationAuditMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const load = (id: number) => ctx.store.evaluations.getEvaluation(id).catch(() => null);
  return async (c, next) => {
    const match = SAFE.has(c.req.method) ? null : PATH.exec(c.req.path);
    if (!match || !c.get('session')) return next();
    const [, collection, idText, sub] = match;
    const kind = KIND[collection!]!;
    const before = idText ? await load(Number(idText)) : null;
    await next();
    // The response is never read here (it streams to the client untouched); the store says what changed.
    if (c.res.status >= 300) return;
    const id = idText ? Number(idText) : await created(ctx, kind, await c.req.json().catch(() => null));
    if (id === undefined) return;
    const after = await load(id);
    const verb = sub ? (VERB[sub] ?? sub) : 'start';
    // A kept score changes no entry: what was kept is the newest score row.
    const kept = verb === 'keep-score' ? (await ctx.store.evaluations.listScores(id)).at(-1) : undefined;
    await recordChange(ctx.store.audit, changeContext(c), {
      action: `${kind}.${verb}`,
      objectType: 'evaluation',
      objectId: id,
      before: snapshot(before),
      after: kept ? { ...snapshot(after), score: { total: kept.total, grade: kept.grade, ruleSet: kept.ruleSet } } : snapshot(after),
    });
  };
}
