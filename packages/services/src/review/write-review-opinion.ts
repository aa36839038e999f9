/**
 * The review opinion (评审意见 .docx) of a stored document's current version with the reviewer's stored decisions,
 * signed by the given reviewer (default: whoever decided last) — rendered by `renderReviewOpinion`, the one path to
 * the opinion (the CLI's export uses it too). The date comes from the caller: services have no clock.
 */
import { renderReviewOpinion, UNNAMED_REVIEWER } from './render-review-opinion';
import { applicableDecisions, loadReview, type ReviewDeps } from './review-state';

export interface ReviewOpinionFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** `2024-01-15` of an instant, in China Standard Time (for the caller that reads the clock). */
export function chinaDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function writeReviewOpinionFile(
  deps: ReviewDeps,
  input: { documentId: number; date: string; reviewer?: string | undefined; organization?: string | undefined },
): Promise<ReviewOpinionFile> {
  const state = await loadReview(deps, input.documentId);
  // A document of another kind is refused by renderReviewOpinion, with the formats that do fit it.
  const decisions = applicableDecisions(state.stored, state.summary.version);
  const name = input.reviewer?.trim() || decisions.at(-1)?.by || UNNAMED_REVIEWER;
  const organization = input.organization?.trim() || null;
  const file = await renderReviewOpinion(deps, {
    documentId: input.documentId,
    version: state.summary.version,
    date: input.date,
    reviewer: { name, organization },
    decisions,
  });
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes };
}
