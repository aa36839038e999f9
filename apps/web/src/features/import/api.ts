import { documentSchema, documentSummaryDtoSchema, importOutcomeDtoSchema, listOf, type DocumentSummaryDto, type ImportOutcomeDto } from '@jixiao/contract';
import { z } from 'zod';
import { getJson, postForm } from '../../lib/http';

export type { ImportOutcomeDto };
export type InterchangeDocument = z.infer<typeof documentSchema>;

export function uploadDocument(file: File, year?: number): Promise<ImportOutcomeDto> {
  const form = new FormData();
  form.set('file', file, file.name);
  if (year !== undefined) form.set('year', String(year));
  return postForm(importOutcomeDtoSchema, '/api/documents', form);
}

export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummaryDto[]> {
  return (await getJson(listOf(documentSummaryDtoSchema), '/api/documents', {}, signal)).items;
}

export function getDocument(id: number, signal?: AbortSignal): Promise<InterchangeDocument> {
  return getJson(documentSchema, `/api/documents/${id}`, {}, signal);
}

export const DOCUMENT_KIND_LABELS: Record<DocumentSummaryDto['kind'], string> = {
  'project-targets': '项目支出绩效目标表',
  'department-targets': '部门整体绩效目标',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
};
