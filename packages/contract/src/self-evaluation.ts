/**
 * Wire schemas of the self-evaluation (绩效自评, issue 4): the entries a unit makes against its frozen targets
 * (stored as `evaluations.entries`, checked against the core type at compile time), the edited 自评报告 sections,
 * and what the API answers: the targets read-only, the entries, the rule set (so the browser scores with the same
 * core as the server), the score computed now, the report draft and the kept scores with their rule set id@version.
 */
import type * as core from '@jixiao/core';
import { z } from 'zod';
import { documentSchema } from './document';
import { selfEvaluationScoreSchema } from './score';
import { ruleSetSchema } from './settings';

const amount = z.number().finite().min(0, '金额不能为负数').max(1e12, '金额过大').nullable().optional();
const tier = z.enum(['achieved', 'partly', 'notAchieved']).nullable().optional();
const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字`).nullable().optional();

export const indicatorEntrySchema = z.strictObject({
  actual: text(5000),
  tier,
  score: z.number().finite().min(0, '得分不能为负数').max(100).nullable().optional(),
  deviationReason: text(2000),
});

export const budgetEntrySchema = z.strictObject({ initial: amount, adjusted: amount, spent: amount });

export const goalEntrySchema = z.strictObject({ tier, score: z.number().finite().min(0).max(100).nullable().optional(), completion: text(5000) });

export const selfEvaluationEntriesSchema = z.strictObject({
  indicators: z.record(z.string().max(40), indicatorEntrySchema),
  budgets: z.record(z.string().max(200), budgetEntrySchema),
  goal: goalEntrySchema.nullable().optional(),
}).meta({ id: 'SelfEvaluationEntries' }) satisfies z.ZodType<core.SelfEvaluationEntries>;
export type SelfEvaluationEntriesDto = z.infer<typeof selfEvaluationEntriesSchema>;

/** The edited 自评报告: text per section heading (paragraphs separated by blank lines or new lines). */
export const selfEvaluationReportEditsSchema = z.strictObject({ sections: z.record(z.string().max(100), z.string().max(20_000)) });
export type SelfEvaluationReportEdits = z.infer<typeof selfEvaluationReportEditsSchema>;

export const keptScoreDtoSchema = z.object({
  id: z.number().int(),
  evaluationRevision: z.number().int(),
  ruleSet: z.string(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  scoredBy: z.string(),
  scoredAt: z.string(),
}).meta({ id: 'KeptScore' });
export type KeptScoreDto = z.infer<typeof keptScoreDtoSchema>;

export const selfEvaluationSummaryDtoSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  targetVersion: z.number().int(),
  period: z.string(),
  status: z.string(),
  revision: z.number().int(),
  title: z.string(),
  department: z.string().nullable(),
  scope: z.enum(['project', 'department']),
  updatedBy: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'SelfEvaluationSummary' });
export type SelfEvaluationSummaryDto = z.infer<typeof selfEvaluationSummaryDtoSchema>;

export const reportSectionDtoSchema = z.object({ heading: z.string(), drafted: z.string(), text: z.string(), edited: z.boolean() });

export const selfEvaluationDtoSchema = selfEvaluationSummaryDtoSchema.extend({
  createdBy: z.string(),
  /** The frozen targets (read-only here). */
  target: documentSchema,
  entries: selfEvaluationEntriesSchema,
  /** The rule set the score below used, whole, so the browser can recompute it live. */
  ruleSet: z.object({ ref: z.string(), name: z.string(), title: z.string(), value: ruleSetSchema }),
  /** `SelfEvaluationScore` of the core, computed now. */
  score: selfEvaluationScoreSchema,
  report: z.object({ title: z.string(), sections: z.array(reportSectionDtoSchema), problems: z.array(z.object({ kind: z.string(), text: z.string(), measure: z.string(), source: z.string() })) }),
  scores: z.array(keptScoreDtoSchema),
}).meta({ id: 'SelfEvaluation' });
export type SelfEvaluationDto = z.infer<typeof selfEvaluationDtoSchema>;

/** Who acts is the signed-in person (decision 010), never a field of the request. */
export const startSelfEvaluationRequestSchema = z.strictObject({
  documentId: z.number().int().positive(),
  year: z.number().int().min(1990, '年度应为四位年份').max(2100, '年度应为四位年份'),
});
export const saveEntriesRequestSchema = z.strictObject({ baseRevision: z.number().int().positive(), entries: selfEvaluationEntriesSchema });
export const saveReportRequestSchema = z.strictObject({ baseRevision: z.number().int().positive(), report: selfEvaluationReportEditsSchema });
/** Submit (decision 011): the revision whose completeness the page showed. */
export const submitSelfEvaluationRequestSchema = z.strictObject({ baseRevision: z.number().int().positive() });
export type SubmitSelfEvaluationRequest = z.infer<typeof submitSelfEvaluationRequestSchema>;
export const keepScoreRequestSchema = z.strictObject({
  ruleSet: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,63}@\d{1,6}$/, '规则集应写成「编号@版本」，例如 cn-project-self-evaluation@1').optional(),
});

/** One problem of an uploaded workbook, at its sheet, row and column. */
export const workbookErrorDtoSchema = z.object({ sheet: z.string(), row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() });
export type WorkbookErrorDto = z.infer<typeof workbookErrorDtoSchema>;

export const actualsUploadDtoSchema = z.object({ rows: z.number().int(), evaluation: selfEvaluationDtoSchema }).meta({ id: 'ActualsUpload' });
