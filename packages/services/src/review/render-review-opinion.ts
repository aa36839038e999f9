/**
 * The review opinion (评审意见 .docx) of a stored target document: the active built-in review rule set runs its
 * checks on the stored version (`reviewFindings`, as on the review page), `reviewDocument` scores and concludes (with the reviewer's decisions, when given), and the
 * writer renders document + review. Target documents only (project or department targets).
 */
import { reviewDocument, type ReviewDecision, type ReviewResult } from '@jixiao/core';
import { writeReviewOpinion } from '@jixiao/formats';
import type { DocumentStore } from '../ports';
import { reviewFindings, type FindingsDeps } from './review-state';
import { assertFormatFits, EXPORT_FORMATS, exportFileName, type RenderedFile } from '../output-formats/render-formats';

export interface RenderReviewOpinionInput {
  documentId: number;
  version?: number;
  /** The opinion's date (`2024-01-15`); the caller supplies it (services have no clock). */
  date: string;
  reviewer?: { name: string; organization?: string | null };
  /** The reviewer's decisions on the findings (dismissed / added / conclusion override). */
  decisions?: readonly ReviewDecision[];
  basis?: string[];
}

export interface RenderedReviewOpinion extends RenderedFile {
  review: ReviewResult;
}

/** Written when no reviewer is named: a blank to sign on paper. */
export const UNNAMED_REVIEWER = '＿＿＿＿＿＿';

export async function renderReviewOpinion(deps: FindingsDeps & { store: { documents: DocumentStore } }, input: RenderReviewOpinionInput): Promise<RenderedReviewOpinion> {
  const { summary, document } = await deps.store.documents.getDocument(input.documentId, input.version);
  assertFormatFits(document, input.documentId, 'opinion');
  // The same findings as the review page: the active rule set of the document's year, with the 指标库's spreads.
  const { ruleSet, findings } = await reviewFindings(deps, summary, document);
  const review = reviewDocument(document, findings, ruleSet, input.decisions ?? []);
  const bytes = await writeReviewOpinion({
    document,
    review,
    reviewer: input.reviewer ?? { name: UNNAMED_REVIEWER },
    date: input.date,
    ...(input.basis ? { basis: input.basis } : {}),
  });
  const what = document.kind === 'department-targets' ? '部门整体绩效目标编制评审意见' : '项目支出绩效目标编制评审意见';
  return { format: 'opinion', fileName: exportFileName(document, what, 'opinion'), mediaType: EXPORT_FORMATS.opinion.mediaType, bytes, review };
}
