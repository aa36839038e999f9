/** The public page's API (R12): anonymous, only what has been published. */
import { listOf, publishedItemDtoSchema, publishedSelfEvaluationDtoSchema, publishedTargetsDtoSchema, type PublishedItemDto, type PublishedSelfEvaluationDto, type PublishedTargetsDto } from '@jixiao/contract';
import { getJson } from '../../lib/http';

export type { PublishedItemDto, PublishedSelfEvaluationDto, PublishedTargetsDto };

export async function listPublished(query: { search?: string; year?: number }, signal?: AbortSignal): Promise<PublishedItemDto[]> {
  return (await getJson(listOf(publishedItemDtoSchema), '/api/public/publications', query, signal)).items;
}

export function getPublishedTargets(documentId: number, signal?: AbortSignal): Promise<PublishedTargetsDto> {
  return getJson(publishedTargetsDtoSchema, `/api/public/documents/${documentId}`, {}, signal);
}

export function getPublishedSelfEvaluation(evaluationId: number, signal?: AbortSignal): Promise<PublishedSelfEvaluationDto> {
  return getJson(publishedSelfEvaluationDtoSchema, `/api/public/self-evaluations/${evaluationId}`, {}, signal);
}

/** Query keys of the public pages (decision 018). */
export const publicKeys = {
  all: ['public'] as const,
  list: (query: { search?: string; year?: number }) => ['public', 'list', query] as const,
  detail: (documentId: number) => ['public', documentId] as const,
  selfEvaluation: (evaluationId: number) => ['public', 'self-evaluation', evaluationId] as const,
};
