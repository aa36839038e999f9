/**
 * The self-evaluation report (自评报告 .docx) of a stored department self-evaluation: scored with the built-in
 * department rule set (R3–R8, as `jixiao score` does), drafted by `draftSelfEvaluationReport` (core), rendered in
 * official-document typography. The draft is what the unit edits; this renders it unedited.
 */
import {
  draftSelfEvaluationReport,
  NATIONAL_DEPARTMENT_SELF_EVALUATION,
  scoreDepartment,
  type PerformanceDocument,
  type QualitativeTier,
  type SelfEvaluationReportDraft,
} from '@jixiao/core';
import { writeSelfEvaluationReport } from '@jixiao/formats';
import type { DocumentStore } from '../ports';
import { assertFormatFits, EXPORT_FORMATS, exportFileName, type RenderedFile } from '../output-formats/render-formats';

export interface RenderSelfEvaluationReportInput {
  documentId: number;
  version?: number;
  /** The signature date (`2024-05-29`); the caller supplies it (services have no clock). */
  date: string;
  /** Who signs; default the department. */
  signedBy?: string;
  /** R8: the evaluator's tier for 年度目标, when known (otherwise it stays to be rated and no total is given). */
  goalTier?: QualitativeTier | null;
}

export interface RenderedSelfEvaluationReport extends RenderedFile {
  draft: SelfEvaluationReportDraft;
}

/** The department score of a self-evaluation, with the same inputs as `jixiao score`. */
export function scoreDepartmentDocument(doc: PerformanceDocument, goalTier: QualitativeTier | null = null) {
  const budget = doc.budget ?? { initial: null, adjustment: null, adjusted: null, spent: null, bySource: [] };
  return scoreDepartment(
    { budget, goalTier, keyTasks: doc.keyTasks ?? [], statedScore: doc.statedScore ?? null, statedKeyTasksScore: doc.profile?.statedFigures?.['年度主要支出计划得分'] ?? null },
    doc.amountUnit,
    NATIONAL_DEPARTMENT_SELF_EVALUATION,
  );
}

export async function renderSelfEvaluationReport(deps: { store: { documents: DocumentStore } }, input: RenderSelfEvaluationReportInput): Promise<RenderedSelfEvaluationReport> {
  const { document } = await deps.store.documents.getDocument(input.documentId, input.version);
  assertFormatFits(document, input.documentId, 'report');
  const score = scoreDepartmentDocument(document, input.goalTier ?? null);
  const draft = draftSelfEvaluationReport({ document, score });
  const bytes = await writeSelfEvaluationReport({ draft, signedBy: input.signedBy ?? draft.department, date: input.date });
  return { format: 'report', fileName: exportFileName(document, '部门整体支出绩效自评报告', 'report'), mediaType: EXPORT_FORMATS.report.mediaType, bytes, draft };
}
