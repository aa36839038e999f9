import {
  documentReviewDtoSchema,
  type AddFindingRequest,
  type DecideFindingRequest,
  type DocumentReviewDto,
  type SaveDocumentContentRequest,
  type SetConclusionRequest,
} from '@jixiao/contract';
import { ApiError, getJson, sendJson } from '../../lib/http';

export type { DocumentReviewDto };
export type ReviewedFinding = DocumentReviewDto['findings'][number];

export function getReview(documentId: number, signal?: AbortSignal): Promise<DocumentReviewDto> {
  return getJson(documentReviewDtoSchema, `/api/documents/${documentId}/review`, {}, signal);
}

export function decideFinding(documentId: number, body: DecideFindingRequest): Promise<DocumentReviewDto> {
  return sendJson(documentReviewDtoSchema, 'POST', `/api/documents/${documentId}/review/decisions`, body);
}

export function addFinding(documentId: number, body: AddFindingRequest): Promise<DocumentReviewDto> {
  return sendJson(documentReviewDtoSchema, 'POST', `/api/documents/${documentId}/review/findings`, body);
}

export function setConclusion(documentId: number, body: SetConclusionRequest): Promise<DocumentReviewDto> {
  return sendJson(documentReviewDtoSchema, 'PUT', `/api/documents/${documentId}/review/conclusion`, body);
}

export const CONCLUSION_COLORS: Record<string, string> = { 优: '#2f7d32', 良: '#1f4e8c', 中: '#c77700', 差: '#c62828' };
export const CONCLUSION_NEXT: Record<string, string> = {
  优: '进入预算安排',
  良: '按意见修改后进入预算，不再重审',
  中: '退回修改后重新评审',
  差: '不予安排预算',
};

/** Saves the in-place edits as a new version (409 when the document changed since `baseVersion`). */
export function saveDocumentContent(documentId: number, body: SaveDocumentContentRequest): Promise<DocumentReviewDto> {
  return sendJson(documentReviewDtoSchema, 'PUT', `/api/documents/${documentId}/content`, body);
}

/** Query keys of the review (decision 018). */
export const reviewKeys = {
  all: ['review'] as const,
  /** A document's review together with the document it reviews (the editor's server state). */
  detail: (documentId: number) => ['review', documentId] as const,
};

/** A save refused because someone saved the document first: the 409 names who changed it (decision 011). */
export function isStaleDocumentSave(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && typeof (e.details as { changedBy?: unknown } | undefined)?.changedBy !== 'undefined';
}
