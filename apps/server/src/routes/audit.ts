/**
 * The audit trail (issue 5 item 4), read by admins and finance reviewers: filter by who, what, which object and
 * dates, page through it newest first, or export what the filter matches as CSV (UTF-8 with BOM, so Excel shows the
 * Chinese correctly).
 */
import { createRoute } from '@hono/zod-openapi';
import { auditPageDtoSchema, auditQuerySchema, type AuditQueryDto } from '@jixiao/contract';
import { chinaTimeToSecond } from '@jixiao/core';
import type { AuditQuery, StoredAuditEntry } from '@jixiao/services';
import { accessResponses, errorResponses, json, type RegisterRoutes } from './common';
import { attachment } from './reviews';

/** The export stops here; narrow the filter for more (the page says so). */
export const MAX_EXPORT_ROWS = 50_000;

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  operationId: 'listAuditEntries',
  tags: ['审计'],
  summary: '审计日志（新的在前），可按操作人、操作、对象、日期筛选；before（上一页最后一条的编号）翻页，总数至多计到 10,000 条',
  request: { query: auditQuerySchema },
  responses: { 200: json(auditPageDtoSchema, '一页审计记录与总数'), ...errorResponses, ...accessResponses },
});

const exportCsv = createRoute({
  method: 'get',
  path: '/api/audit/export.csv',
  operationId: 'exportAuditEntries',
  tags: ['审计'],
  summary: '导出筛选出的审计日志（CSV，Excel 可直接打开）',
  request: { query: auditQuerySchema.omit({ limit: true, before: true }) },
  responses: { 200: { description: 'CSV 文件', content: { 'text/csv': { schema: { type: 'string' as const } } } }, ...errorResponses, ...accessResponses },
});

function toQuery(q: Omit<AuditQueryDto, 'limit' | 'before'>, limit: number, before: number | undefined): AuditQuery {
  const query: AuditQuery = { limit, ...(before === undefined ? {} : { before }) };
  for (const key of ['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const) if (q[key]) query[key] = q[key];
  return query;
}

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const HEADER = ['时间（北京时间）', '操作人账号', '操作人', '操作', '对象类型', '对象编号', '修改前', '修改后', '请求编号'];
const row = (e: StoredAuditEntry) => [chinaTimeToSecond(e.at), e.actor.username, e.actor.displayName, e.action, e.objectType, e.objectId, e.before, e.after, e.requestId].map(csvCell).join(',');

export const registerAuditRoutes: RegisterRoutes = (app, ctx) => {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json(await ctx.store.audit.listAudit(toQuery(q, q.limit, q.before)), 200);
  });
  app.openapi(exportCsv, async (c) => {
    const q = c.req.valid('query');
    const lines = [HEADER.map(csvCell).join(',')];
    // Page by keyset: each page starts below the last entry of the one before.
    let before: number | undefined;
    for (let rows = 0; rows < MAX_EXPORT_ROWS; rows += 500) {
      const page = await ctx.store.audit.listAudit(toQuery(q, 500, before));
      lines.push(...page.items.map(row));
      if (page.items.length < 500) break;
      before = page.items.at(-1)!.id;
    }
    const day = chinaTimeToSecond(ctx.now().toISOString()).slice(0, 10);
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`审计日志-${day}.csv`) });
  });
};
