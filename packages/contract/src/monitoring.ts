/**
 * Wire schemas of monitoring reports (运行监控, rules.md R10): what a unit enters (budget figures and indicator
 * progress by line, and for every non-green line its deviation reason, explanation, likelihood and measures), the
 * requests (start, save with the revision it was based on, submit) and the report with every computed line, its
 * light and why. Checked against the core types at compile time where they mirror them.
 */
import { canonicalIdSchema } from './ids';
import type * as core from '@jixiao/core';
import { z } from 'zod';
import { documentSummaryDtoSchema } from './catalog';
import { monitoringSettingsSchema } from './settings';
import { evaluationStatusSchema } from './workflow';

const text = (max: number) => z.string().trim().max(max);

/** Amounts in the document's unit: at most six decimals, so 万元 converts to fen exactly (decision 002). */
const amount = z
  .number({ error: '金额应为数字' })
  .finite()
  .min(0, { error: '金额不能为负数' })
  .max(1e12, { error: '金额过大' })
  .refine((v) => Number.isInteger(Math.round(v * 1e6)) && Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6, { error: '金额最多六位小数' });

export const lightSchema = z.enum(['red', 'yellow', 'green', 'blue']) satisfies z.ZodType<core.Light>;
export const monitoringTierSchema = z.enum(['achieved', 'partly', 'notAchieved']) satisfies z.ZodType<core.QualitativeTier>;

/** Line keys: `p-<unit>-<project>` budget, `i-<unit>-<project>-<k>` indicator, `i-d-<k>` department-wide indicator. */
export const monitoringLineKeySchema = z.string().regex(/^(p-\d{1,5}-\d{1,6}|i-\d{1,5}-\d{1,6}-\d{1,4}|i-d-\d{1,4})$/, { error: '行编号格式不对' });

export const monitoringDeviationSchema = z.strictObject({
  reason: text(50).nullable().optional(),
  explanation: text(2000).nullable().optional(),
  likelihood: text(50).nullable().optional(),
  measures: z.array(text(50)).max(20).nullable().optional(),
}) satisfies z.ZodType<core.MonitoringDeviation>;

export const monitoringBudgetEntrySchema = z.strictObject({
  adjustedBudget: amount.nullable().optional(),
  spent: amount.nullable().optional(),
  deviation: monitoringDeviationSchema.nullable().optional(),
}) satisfies z.ZodType<core.MonitoringBudgetEntry>;

export const monitoringIndicatorEntrySchema = z.strictObject({
  actual: z.number({ error: '完成值应为数字' }).finite().min(-1e12).max(1e12).nullable().optional(),
  tier: monitoringTierSchema.nullable().optional(),
  prorate: z.boolean().nullable().optional(),
  deviation: monitoringDeviationSchema.nullable().optional(),
}) satisfies z.ZodType<core.MonitoringIndicatorEntry>;

/** What the unit enters, by line key. */
export const monitoringEntriesSchema = z.strictObject({
  budget: z.record(monitoringLineKeySchema, monitoringBudgetEntrySchema).optional(),
  total: z.strictObject({ deviation: monitoringDeviationSchema.nullable().optional() }).nullable().optional(),
  indicators: z.record(monitoringLineKeySchema, monitoringIndicatorEntrySchema).optional(),
}).meta({ id: 'MonitoringEntries' }) satisfies z.ZodType<core.MonitoringEntries>;
export type MonitoringEntriesDto = z.infer<typeof monitoringEntriesSchema>;

/** As stored in `evaluations.entries`: the entries and the rule set `id@version` frozen when the report was started. */
export const storedMonitoringEntriesSchema = monitoringEntriesSchema.extend({ ruleSet: z.string().optional() });


const lineBase = {
  key: z.string(),
  label: z.string(),
  light: lightSchema.nullable(),
  reasons: z.array(z.string()),
  setting: z.string(),
  deviation: monitoringDeviationSchema,
  missing: z.array(z.string()),
};

export const monitoringBudgetLineSchema = z.object({
  ...lineBase,
  kind: z.literal('budget'),
  unit: z.string().nullable(),
  project: z.string().nullable(),
  plannedBudget: z.number().nullable(),
  budget: z.number().nullable(),
  adjusted: z.boolean(),
  spent: z.number().nullable(),
  executionRate: z.number().nullable(),
  timeProgress: z.number(),
  ratio: z.number().nullable(),
}) satisfies z.ZodType<core.MonitoringBudgetLine>;

export const monitoringIndicatorLineSchema = z.object({
  ...lineBase,
  kind: z.literal('indicator'),
  unit: z.string().nullable(),
  project: z.string().nullable(),
  no: z.number(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string(),
  target: z.string().nullable(),
  targetUnit: z.string().nullable(),
  mode: z.enum(['prorated', 'whole', 'in-range', 'lower', 'qualitative']),
  prorate: z.boolean(),
  prorateDefault: z.boolean(),
  yearEnd: z.boolean(),
  actual: z.number().nullable(),
  tier: monitoringTierSchema.nullable(),
  expected: z.number().nullable(),
  ratio: z.number().nullable(),
}) satisfies z.ZodType<core.MonitoringIndicatorLine>;

export const monitoringResultSchema = z.object({
  ruleSet: z.string(),
  cutoffMonth: z.number().int(),
  timeProgress: z.number(),
  amountUnit: z.enum(['万元', '元']),
  budgetLines: z.array(monitoringBudgetLineSchema),
  total: monitoringBudgetLineSchema,
  indicatorLines: z.array(monitoringIndicatorLineSchema),
  counts: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), blue: z.number().int(), none: z.number().int() }),
  incomplete: z.array(z.object({ key: z.string(), label: z.string(), missing: z.array(z.string()) })),
}).meta({ id: 'MonitoringResult' }) satisfies z.ZodType<core.MonitoringResult>;
export type MonitoringResultDto = z.infer<typeof monitoringResultSchema>;

export const monitoringStatusSchema = evaluationStatusSchema;

/** One monitoring report in a list. */
export const monitoringSummaryDtoSchema = z.object({
  id: z.number().int().positive(),
  documentId: z.number().int().positive(),
  /** The version of the target document the report is measured against. */
  targetVersion: z.number().int().positive(),
  /** `YYYY-MM`: the budget year and the cut-off month. */
  period: z.string(),
  year: z.number().int(),
  cutoffMonth: z.number().int().min(1).max(12),
  status: monitoringStatusSchema,
  revision: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'MonitoringSummary' });
export type MonitoringSummaryDto = z.infer<typeof monitoringSummaryDtoSchema>;

/** `GET /api/monitoring/{id}`: the report with the rule set it is computed with and every computed line. */
export const monitoringReportDtoSchema = monitoringSummaryDtoSchema.extend({
  document: documentSummaryDtoSchema,
  ruleSet: z.object({ id: z.string(), version: z.number().int(), ref: z.string(), name: z.string(), title: z.string(), settings: monitoringSettingsSchema }),
  entries: monitoringEntriesSchema,
  result: monitoringResultSchema,
}).meta({ id: 'MonitoringReport' });
export type MonitoringReportDto = z.infer<typeof monitoringReportDtoSchema>;

// Who does it is the signed-in person (issue 5), never a field of the body.
const revision = z.number({ error: '缺少 baseRevision（保存所基于的版本号）' }).int().positive();

/** `GET /api/monitoring?documentId=`. */
export const monitoringListQuerySchema = z.strictObject({
  documentId: canonicalIdSchema.optional(),
});

/** `POST /api/monitoring`: start the report of a stored document at a cut-off month. */
export const createMonitoringRequestSchema = z.strictObject({
  documentId: z.number().int().positive(),
  cutoffMonth: z.number({ error: '截止月份应为 1–12 的整数' }).int({ error: '截止月份应为 1–12 的整数' }).min(1, { error: '截止月份应为 1–12 的整数' }).max(12, { error: '截止月份应为 1–12 的整数' }),
});
export type CreateMonitoringRequest = z.infer<typeof createMonitoringRequestSchema>;

/** `PUT /api/monitoring/{id}/entries`: everything entered, and the revision it was based on (409 when stale). */
export const saveMonitoringRequestSchema = z.strictObject({
  baseRevision: revision,
  entries: monitoringEntriesSchema,
});
export type SaveMonitoringRequest = z.infer<typeof saveMonitoringRequestSchema>;

/** `POST /api/monitoring/{id}/submit`. */
export const submitMonitoringRequestSchema = z.strictObject({ baseRevision: revision });
export type SubmitMonitoringRequest = z.infer<typeof submitMonitoringRequestSchema>;
