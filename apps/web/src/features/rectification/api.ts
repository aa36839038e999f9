import {
  rectificationDtoSchema,
  rectificationPageDtoSchema,
  type CreateRectificationRequest,
  type RectificationDto,
  type RectificationFromFindingRequest,
  type RectificationFromMonitoringRequest,
  type RectificationPageDto,
  type RectificationSummaryDto,
} from '@jixiao/contract';
import { getJson, postForm, sendJson } from '../../lib/http';

export type { RectificationDto, RectificationPageDto, RectificationSummaryDto };

export interface RectificationFilters {
  status?: RectificationSummaryDto['status'];
  overdue?: boolean;
  departmentId?: number;
  search?: string;
  offset: number;
}

export const PAGE_SIZE = 20;

export function listRectifications(filters: RectificationFilters, signal?: AbortSignal): Promise<RectificationPageDto> {
  const query = { status: filters.status, overdue: filters.overdue ? 'true' : undefined, departmentId: filters.departmentId, search: filters.search || undefined, limit: PAGE_SIZE, offset: filters.offset };
  return getJson(rectificationPageDtoSchema, '/api/rectifications', query, signal);
}

export function getRectification(id: number, signal?: AbortSignal): Promise<RectificationDto> {
  return getJson(rectificationDtoSchema, `/api/rectifications/${id}`, {}, signal);
}

export function createRectification(body: CreateRectificationRequest): Promise<RectificationDto> {
  return sendJson(rectificationDtoSchema, 'POST', '/api/rectifications', body);
}

export function createFromFinding(body: RectificationFromFindingRequest): Promise<RectificationDto> {
  return sendJson(rectificationDtoSchema, 'POST', '/api/rectifications/from-finding', body);
}

export function createFromMonitoringLine(body: RectificationFromMonitoringRequest): Promise<RectificationDto> {
  return sendJson(rectificationDtoSchema, 'POST', '/api/rectifications/from-monitoring-line', body);
}

export function moveRectification(id: number, action: 'issue' | 'verify' | 'return', revision: number, text?: string): Promise<RectificationDto> {
  return sendJson(rectificationDtoSchema, 'POST', `/api/rectifications/${id}/${action}`, { revision, ...(text ? { text } : {}) });
}

export function feedbackRectification(id: number, revision: number, text: string, files: readonly File[]): Promise<RectificationDto> {
  const form = new FormData();
  form.set('revision', String(revision));
  form.set('text', text);
  for (const f of files) form.append('files', f);
  return postForm(rectificationDtoSchema, `/api/rectifications/${id}/feedback`, form);
}


/** Query keys of 整改 (decision 018). */
export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (filters: RectificationFilters) => ['rectifications', 'list', filters] as const,
  detail: (id: number) => ['rectifications', id] as const,
};
