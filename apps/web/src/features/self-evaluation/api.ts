/**
 * The self-evaluation API client (routes/self-evaluations.ts): every response parsed with the contract.
 */
import {
  actualsUploadDtoSchema,
  keptScoreDtoSchema,
  listOf,
  selfEvaluationDtoSchema,
  selfEvaluationSummaryDtoSchema,
  workbookErrorDtoSchema,
  type KeptScoreDto,
  type SelfEvaluationDto,
  type SelfEvaluationEntriesDto,
  type SelfEvaluationReportEdits,
  type SelfEvaluationSummaryDto,
  type WorkbookErrorDto,
  downloadUrl,
} from '@jixiao/contract';
import { z } from 'zod';
import { getJson, postForm, sendJson } from '../../lib/http';

export type { KeptScoreDto, SelfEvaluationDto, SelfEvaluationSummaryDto, WorkbookErrorDto };

export function listSelfEvaluations(signal?: AbortSignal): Promise<SelfEvaluationSummaryDto[]> {
  return getJson(listOf(selfEvaluationSummaryDtoSchema), '/api/self-evaluations', {}, signal).then((r) => r.items);
}

export function getSelfEvaluation(id: number, signal?: AbortSignal): Promise<SelfEvaluationDto> {
  return getJson(selfEvaluationDtoSchema, `/api/self-evaluations/${id}`, {}, signal);
}

export function startSelfEvaluation(documentId: number, year: number): Promise<SelfEvaluationDto> {
  return sendJson(selfEvaluationDtoSchema, 'POST', '/api/self-evaluations', { documentId, year });
}

export function saveEntries(id: number, baseRevision: number, entries: SelfEvaluationEntriesDto): Promise<SelfEvaluationDto> {
  return sendJson(selfEvaluationDtoSchema, 'PUT', `/api/self-evaluations/${id}/entries`, { baseRevision, entries });
}

export function saveReport(id: number, baseRevision: number, report: SelfEvaluationReportEdits): Promise<SelfEvaluationDto> {
  return sendJson(selfEvaluationDtoSchema, 'PUT', `/api/self-evaluations/${id}/report`, { baseRevision, report });
}

/** Submit through the workflow (400 listing what is still missing; 409 when submitted, locked or stale). */
export function submitSelfEvaluation(id: number, baseRevision: number): Promise<SelfEvaluationDto> {
  return sendJson(selfEvaluationDtoSchema, 'POST', `/api/self-evaluations/${id}/submit`, { baseRevision });
}

export function keepScore(id: number): Promise<KeptScoreDto> {
  return sendJson(keptScoreDtoSchema, 'POST', `/api/self-evaluations/${id}/scores`, {});
}

export function uploadWorkbook(id: number, file: File, baseRevision: number) {
  const form = new FormData();
  form.set('file', file);
  form.set('baseRevision', String(baseRevision));
  return postForm(actualsUploadDtoSchema, downloadUrl('actuals-workbook', id), form);
}

/** The per-cell errors of a refused workbook (the error body's details), when there are any. */
export function workbookErrorsOf(details: unknown): WorkbookErrorDto[] {
  const parsed = z.object({ errors: z.array(workbookErrorDtoSchema) }).safeParse(details);
  return parsed.success ? parsed.data.errors : [];
}


export const TIER_LABELS = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' } as const;
export const GRADE_COLORS: Record<string, string> = { 优: '#2f7d32', 良: '#1f4e8c', 中: '#c77700', 差: '#c62828' };

/** Query keys of self-evaluation (decision 018). */
export const selfEvaluationKeys = {
  all: ['self-evaluations'] as const,
  list: () => ['self-evaluations', 'list'] as const,
  detail: (id: number) => ['self-evaluations', id] as const,
};
