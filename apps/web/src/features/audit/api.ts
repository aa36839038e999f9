import { auditPageDtoSchema, type AuditPageDto } from '@jixiao/contract';
import { getJson, withQuery, type Query } from '../../lib/http';

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

/** A page newest first: `before` is the last id of the page before (keyset, issue 12 item 2). */
export function listAudit(filter: AuditFilter, page: { limit: number; before: number | undefined }, signal?: AbortSignal): Promise<AuditPageDto> {
  return getJson(auditPageDtoSchema, '/api/audit', { ...filter, ...page } as Query, signal);
}

/** The CSV export of what the filter matches (a plain link: the session cookie goes with it). */
export function auditExportUrl(filter: AuditFilter): string {
  return withQuery('/api/audit/export.csv', filter as Query);
}

/** Query keys of the audit trail (decision 018). */
export const auditKeys = {
  all: ['audit'] as const,
  page: (filter: AuditFilter, page: { limit: number; before: number | undefined }) => ['audit', filter, page] as const,
};
