/**
 * What a file would import, read but not stored (issue 10 item 7): the web app shows it before 「确认导入」. Amounts are
 * in the document's own `amountUnit`, as read; every problem carries its location already put in words.
 */
import { z } from 'zod';
import { amountUnitSchema, documentSummaryDtoSchema } from './catalog';

/** The kinds of document in words, as the pages and the preview name them. */
export const DOCUMENT_KIND_LABELS: Record<z.infer<typeof documentSummaryDtoSchema.shape.kind>, string> = {
  'project-targets': '项目支出绩效目标表',
  'department-targets': '部门整体绩效目标',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
};

export const previewProblemDtoSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** `第 2 页、第 1 个表格、第 5 行、列「指标值」` or `工作表「项目」第 7 行`; null when the reader gave no place. */
  where: z.string().nullable(),
});
export type PreviewProblemDto = z.infer<typeof previewProblemDtoSchema>;

const budgetFiguresSchema = z.object({
  initial: z.number().nullable(),
  adjusted: z.number().nullable(),
  spent: z.number().nullable(),
});

export const previewProjectDtoSchema = z.object({
  unit: z.string(),
  name: z.string(),
  amount: z.number().nullable(),
  indicatorCount: z.number().int(),
  /** Self-evaluations: the budget figures the project's table states. */
  budget: budgetFiguresSchema.nullable(),
});
export type PreviewProjectDto = z.infer<typeof previewProjectDtoSchema>;

export const importPreviewDtoSchema = z.object({
  fileName: z.string(),
  kind: documentSummaryDtoSchema.shape.kind,
  /** The kind in words: 项目支出绩效目标表 … */
  kindLabel: z.string(),
  department: z.string().nullable(),
  units: z.array(z.string()),
  /** The budget year the import would use (the document's, else the one given). */
  year: z.number().int(),
  amountUnit: amountUnitSchema,
  statedTotal: z.number().nullable(),
  /** Sum of the projects' amounts, exact (computed in fen); null when no project states one. */
  projectTotal: z.number().nullable(),
  projects: z.array(previewProjectDtoSchema),
  projectCount: z.number().int(),
  indicatorCount: z.number().int(),
  keyTaskCount: z.number().int(),
  /** Department-wide indicators (department documents). */
  departmentIndicatorCount: z.number().int(),
  problems: z.array(previewProblemDtoSchema),
}).meta({ id: 'ImportPreview' });
export type ImportPreviewDto = z.infer<typeof importPreviewDtoSchema>;

/** The answer to withdrawing a draft (DELETE /api/documents/{id}). */
export const withdrawnDocumentDtoSchema = z.object({
  documentId: z.number().int().positive(),
  title: z.string(),
  versions: z.number().int(),
  projects: z.number().int(),
  indicators: z.number().int(),
}).meta({ id: 'WithdrawnDocument' });
export type WithdrawnDocumentDto = z.infer<typeof withdrawnDocumentDtoSchema>;
