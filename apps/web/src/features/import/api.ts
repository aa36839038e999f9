import {
  DOCUMENT_KIND_LABELS,
  documentSchema,
  documentSummaryDtoSchema,
  importOutcomeDtoSchema,
  importPreviewDtoSchema,
  jobDtoSchema,
  pageOf,
  withdrawnDocumentDtoSchema,
  type DocumentSummaryDto,
  type ImportOutcomeDto,
  type ImportPreviewDto,
  type JobDto,
  type WithdrawnDocumentDto,
} from '@jixiao/contract';
import { z } from 'zod';
import { getJson, postForm, sendJson } from '../../lib/http';

export { DOCUMENT_KIND_LABELS };
export type { ImportOutcomeDto, ImportPreviewDto, JobDto, WithdrawnDocumentDto };
export type InterchangeDocument = z.infer<typeof documentSchema>;

/** What the picker offers; the reader decides (and says why) when a file of one of these types cannot be read. */
export const ACCEPTED_FILES = '.pdf,.docx,.doc,.xlsx,.xls,.wps,.et,.txt,.json';

function fileForm(file: File, year?: number): FormData {
  const form = new FormData();
  form.set('file', file, file.name);
  if (year !== undefined) form.set('year', String(year));
  return form;
}

/** Reads the file on the server and answers what it would import; nothing is stored. */
export function previewDocument(file: File, year?: number): Promise<ImportPreviewDto> {
  return postForm(importPreviewDtoSchema, '/api/documents/preview', fileForm(file, year));
}

export function uploadDocument(file: File, year?: number): Promise<ImportOutcomeDto> {
  return postForm(importOutcomeDtoSchema, '/api/documents', fileForm(file, year));
}

/** Hands the file to the server's job runner; the answer is the queued job, followed with `getJob`. */
export function startImportJob(file: File, year?: number): Promise<JobDto> {
  return postForm(jobDtoSchema, '/api/import-jobs', fileForm(file, year));
}

export { getJob, isFinished, jobKeys, listJobs } from '../../lib/jobs';
export { chineseReason } from '../../lib/http';

/** Withdraws a draft nobody has acted on (the server refuses anything else with the reason). */
export function withdrawDocument(id: number): Promise<WithdrawnDocumentDto> {
  return sendJson(withdrawnDocumentDtoSchema, 'DELETE', `/api/documents/${id}`, undefined);
}

/** What a list of documents asks the server for (issue 12 item 1: a page, filtered on the server; never every document). */
export interface DocumentListQuery {
  search?: string | undefined;
  year?: number | undefined;
  kind?: 'targets' | 'self-evaluations' | undefined;
  status?: DocumentSummaryDto['targetStatus'] | undefined;
  documentId?: number | undefined;
  order?: 'id' | 'recent' | 'department';
  limit: number;
  offset: number;
}

export function listDocuments(query: DocumentListQuery, signal?: AbortSignal): Promise<{ items: DocumentSummaryDto[]; total: number }> {
  return getJson(pageOf(documentSummaryDtoSchema), '/api/documents', { ...query }, signal);
}

export function getDocument(id: number, signal?: AbortSignal): Promise<InterchangeDocument> {
  return getJson(documentSchema, `/api/documents/${id}`, {}, signal);
}


/** Query keys of the documents (decision 018): every list of documents shares one cached answer. */
export const documentKeys = {
  all: ['documents'] as const,
  list: (query: DocumentListQuery) => ['documents', 'list', query] as const,
  detail: (id: number) => ['documents', id] as const,
};
