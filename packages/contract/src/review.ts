/**
 * Wire schemas of the target review of a stored document (review-checks.md, R9, decision 006): the findings with
 * the reviewer's decision on each, the scores and the conclusion, and the reviewer's requests (accept or dismiss a
 * finding, add one, override the conclusion). Checked against the core types at compile time where they mirror them.
 */
import type * as core from '@jixiao/core';
import { CHECK_IDS as CORE_CHECK_IDS } from '@jixiao/core';
import { z } from 'zod';
import { documentSummaryDtoSchema } from './catalog';
import { documentSchema } from './document';

/** The core's check ids (derived from its checks table), re-exported under the name the wire has always used. */
export const CHECK_IDS: readonly core.CheckId[] = CORE_CHECK_IDS;

export const checkIdSchema = z.enum(CHECK_IDS as [core.CheckId, ...core.CheckId[]]);
export const severitySchema = z.enum(['error', 'warning', 'info']) satisfies z.ZodType<core.Severity>;
export const dimensionSchema = z.enum(['completeness', 'relevance', 'appropriateness', 'feasibility', 'consistency', 'wording']) satisfies z.ZodType<core.Dimension>;
export const scoredDimensionSchema = z.enum(['completeness', 'relevance', 'appropriateness', 'feasibility']) satisfies z.ZodType<core.ScoredDimension>;
export const conclusionSchema = z.enum(['优', '良', '中', '差']);

const text = (max: number) => z.string().trim().max(max);

export const findingLocationSchema = z.object({
  unit: text(200).optional(),
  project: text(200).optional(),
  indicator: z.number().int().positive().optional(),
  indicatorName: text(200).optional(),
  keyTask: text(200).optional(),
  field: text(100).optional(),
}) satisfies z.ZodType<core.FindingLocation>;

export const findingSchema = z.object({
  key: z.string(),
  check: checkIdSchema,
  severity: severitySchema,
  dimension: dimensionSchema,
  location: findingLocationSchema,
  message: z.string(),
  suggestion: z.string(),
  evidence: z.string(),
  rule: z.string(),
}).meta({ id: 'Finding' }) satisfies z.ZodType<core.Finding>;
export type FindingDto = z.infer<typeof findingSchema>;

export const findingStatusSchema = z.enum(['open', 'accepted', 'dismissed', 'added']);

/** A finding with the reviewer's last word on it (`open`: not decided yet). */
export const reviewedFindingDtoSchema = z.object({
  finding: findingSchema,
  status: findingStatusSchema,
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
}).meta({ id: 'ReviewedFinding' });
export type ReviewedFindingDto = z.infer<typeof reviewedFindingDtoSchema>;

export const dimensionScoreDtoSchema = z.object({
  dimension: scoredDimensionSchema,
  label: z.string(),
  max: z.number(),
  score: z.number(),
  deductions: z.array(z.object({ check: checkIdSchema, findings: z.number().int(), points: z.number() })),
}).meta({ id: 'DimensionScore' });

/** One entry of the review's history, oldest first. */
export const reviewDecisionDtoSchema = z.object({
  id: z.number().int().positive(),
  type: z.enum(['accept', 'dismiss', 'add', 'override']),
  /** The document version the reviewer was looking at. */
  version: z.number().int().positive(),
  findingKey: z.string().nullable(),
  reason: z.string().nullable(),
  conclusion: z.string().nullable(),
  by: z.string(),
  at: z.string(),
}).meta({ id: 'ReviewDecision' });
export type ReviewDecisionDto = z.infer<typeof reviewDecisionDtoSchema>;

export const reviewSummaryDtoSchema = z.object({
  /** `title`: the name and 文号 people read (`ruleSetTitle`); `ref` is `id@version`, for the records and admins. */
  ruleSet: z.object({ id: z.string(), version: z.number().int(), ref: z.string(), name: z.string(), title: z.string() }),
  dimensions: z.array(dimensionScoreDtoSchema),
  total: z.number(),
  computedConclusion: z.string(),
  conclusion: z.string(),
  override: z.object({ conclusion: z.string(), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  quantified: z.object({ quantitative: z.number().int(), indicators: z.number().int(), share: z.number().nullable() }),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** Findings by status after the decisions. */
  statusCounts: z.object({ open: z.number().int(), accepted: z.number().int(), dismissed: z.number().int(), added: z.number().int() }),
}).meta({ id: 'ReviewSummary' });

/** `GET /api/documents/{id}/review`: the review of the document's current version. */
/** The spread of one indicator's numeric annual targets in the other departments' approved targets (指标库). */
export const targetBenchmarkDtoSchema = z
  .object({
    name: z.string(),
    unit: z.string().meta({ description: '指标值的计量单位；没有单位时为空字符串' }),
    count: z.number().int().nonnegative(),
    departments: z.number().int().nonnegative(),
    min: z.number(),
    p25: z.number(),
    median: z.number(),
    p75: z.number(),
    max: z.number(),
  })
  .meta({ id: 'TargetBenchmark' }) satisfies z.ZodType<core.TargetBenchmark>;

export const documentReviewDtoSchema = z.object({
  document: documentSummaryDtoSchema,
  review: reviewSummaryDtoSchema,
  findings: z.array(reviewedFindingDtoSchema),
  /** The 指标库's spreads the checks compared this document's targets with (the page runs the checks again with them). */
  benchmarks: z.array(targetBenchmarkDtoSchema),
  decisions: z.array(reviewDecisionDtoSchema),
}).meta({ id: 'DocumentReview' });
export type DocumentReviewDto = z.infer<typeof documentReviewDtoSchema>;

export type ReviewScoresDto = Omit<z.infer<typeof reviewSummaryDtoSchema>, 'ruleSet'>;

/**
 * The core's review result in its wire form: each finding with the reviewer's decision on it, and the scores with
 * the findings counted by status. One mapping for the server's review and the review page's live recompute.
 */
export function reviewResultDto(result: core.ReviewResult): { findings: ReviewedFindingDto[]; scores: ReviewScoresDto } {
  const findings: ReviewedFindingDto[] = result.findings.map((f) => ({ finding: f.finding, status: f.status, reason: f.reason ?? null, by: f.by ?? null, at: f.at ?? null }));
  const statusCounts = { open: 0, accepted: 0, dismissed: 0, added: 0 };
  for (const f of findings) statusCounts[f.status] += 1;
  const { dimensions, total, computedConclusion, conclusion, override, quantified, counts } = result;
  return { findings, scores: { dimensions, total, computedConclusion, conclusion, override, quantified, counts, statusCounts } };
}

const reason = z.string().trim().max(1000);

/** `POST /api/documents/{id}/review/decisions`: accept or dismiss a finding (a dismissal needs a reason). */
export const decideFindingRequestSchema = z.strictObject({
  findingKey: z.string().trim().min(1).max(200),
  decision: z.enum(['accept', 'dismiss']),
  reason: reason.optional(),
});
export type DecideFindingRequest = z.infer<typeof decideFindingRequestSchema>;

/** `POST /api/documents/{id}/review/findings`: a finding the reviewer adds. */
export const addFindingRequestSchema = z.strictObject({
  check: checkIdSchema,
  dimension: dimensionSchema,
  severity: severitySchema,
  location: z.strictObject({
    unit: text(200).optional(),
    project: text(200).optional(),
    indicator: z.number().int().positive().optional(),
    keyTask: text(200).optional(),
    field: text(100).optional(),
  }),
  message: z.string().trim().min(1).max(1000),
  suggestion: z.string().trim().max(1000).default(''),
  evidence: z.string().trim().max(1000).default(''),
});
export type AddFindingRequest = z.input<typeof addFindingRequestSchema>;

/** `PUT /api/documents/{id}/review/conclusion`: the reviewer's conclusion, with a reason. */
export const setConclusionRequestSchema = z.strictObject({
  conclusion: conclusionSchema,
  reason: z.string().trim().min(1).max(1000),
});
export type SetConclusionRequest = z.infer<typeof setConclusionRequestSchema>;

/** `GET /api/documents/{id}/review/opinion.docx`: who signs the opinion (default: the last reviewer who decided). */
export const opinionQuerySchema = z.strictObject({
  reviewer: z.string().trim().max(50).optional(),
  organization: z.string().trim().max(100).optional(),
});

/**
 * `PUT /api/documents/{id}/content`: the document with the reviewer's or unit editor's in-place edits (indicator
 * names, target values, goal text), and the version the edits were based on — a save based on an older version is
 * refused (409) so nobody overwrites a newer import unseen.
 */
export const saveDocumentContentRequestSchema = z.strictObject({
  baseVersion: z.number().int().positive(),
  document: documentSchema,
});
export type SaveDocumentContentRequest = z.infer<typeof saveDocumentContentRequestSchema>;
