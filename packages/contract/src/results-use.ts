/**
 * Results use on the wire (R11, issue 14 item 1): the district table of results and next year's budget suggestions
 * with the finance reviewer's decisions (`GET /api/results-use`, `.xlsx` beside it), one decision
 * (`POST /api/results-use/decisions`), and last year's results beside next year's targets
 * (`GET /api/documents/{id}/last-year-results`).
 */
import { z } from 'zod';
import { canonicalIdSchema } from './ids';

const year = z.coerce.number().int().min(1990).max(2100);

export const resultsUseQuerySchema = z.strictObject({
  year: year.meta({ description: '结果所属预算年度（据此建议下一年度预算），例如：2024' }),
  departmentId: canonicalIdSchema.optional().meta({ description: '只看这个部门（街道）' }),
});
export type ResultsUseQuery = z.infer<typeof resultsUseQuerySchema>;

export const budgetSuggestionDtoSchema = z
  .object({
    suggestion: z.string().nullable().meta({ description: '建议的代码；尚无任何结果时为 null' }),
    label: z.string().nullable().meta({ description: '支持 / 保持 / 改进，可适当压减 / 压减 / 压减或取消' }),
    advice: z.string().nullable(),
    rule: z.string().meta({ description: '规则集 id@version' }),
    ruleTitle: z.string().meta({ description: '规则集名称及其文号' }),
    reasons: z.array(z.string()).meta({ description: '每项结果据哪条规则给出什么建议' }),
  })
  .meta({ id: 'BudgetSuggestion' });

export const resultsUseDecisionDtoSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['confirm', 'adjust']),
    suggestion: z.string(),
    label: z.string(),
    computed: z.string().nullable().meta({ description: '作出决定时系统给出的建议' }),
    computedLabel: z.string().nullable(),
    reason: z.string(),
    ruleSet: z.string(),
    by: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ResultsUseDecision' });
export type ResultsUseDecisionDto = z.infer<typeof resultsUseDecisionDtoSchema>;

export const resultsUseRowDtoSchema = z
  .object({
    documentId: z.number().int(),
    projectKey: z.string(),
    year: z.number().int(),
    departmentId: z.number().int().nullable(),
    department: z.string().nullable(),
    unit: z.string(),
    project: z.string(),
    code: z.string().nullable(),
    budgetWan: z.number().nullable().meta({ description: '预算金额（万元）' }),
    selfEvaluation: z.object({ evaluationId: z.number().int(), total: z.number().nullable(), grade: z.string().nullable(), ruleSet: z.string(), scoredAt: z.string() }).nullable(),
    reviewConclusion: z.string().nullable().meta({ description: '绩效目标审核结论（优/良/中/差）' }),
    evaluationGrade: z.string().nullable().meta({ description: '绩效评价等级（尚无评价时为 null）' }),
    openRectifications: z.number().int().min(0),
    suggestion: budgetSuggestionDtoSchema,
    state: z.enum(['suggested', 'confirmed', 'adjusted']),
    stateLabel: z.string(),
    decision: resultsUseDecisionDtoSchema.nullable(),
    /** The decision was made when the system suggested something else than it does now. */
    suggestionChanged: z.boolean(),
    history: z.array(resultsUseDecisionDtoSchema).meta({ description: '这一项目的全部决定，从早到晚' }),
  })
  .meta({ id: 'ResultsUseRow' });
export type ResultsUseRowDto = z.infer<typeof resultsUseRowDtoSchema>;

export const resultsUseTableDtoSchema = z
  .object({
    year: z.number().int(),
    ruleSet: z.object({ ref: z.string(), title: z.string() }),
    suggestions: z.array(z.object({ id: z.string(), label: z.string(), advice: z.string() })),
    items: z.array(resultsUseRowDtoSchema),
  })
  .meta({ id: 'ResultsUseTable' });
export type ResultsUseTableDto = z.infer<typeof resultsUseTableDtoSchema>;

export const resultsUseDecisionRequestSchema = z
  .strictObject({
    documentId: z.number().int().positive(),
    projectKey: z.string().min(1).max(40),
    kind: z.enum(['confirm', 'adjust']).meta({ description: 'confirm：确认建议；adjust：改为另一建议' }),
    suggestion: z.string().max(40).optional().meta({ description: '调整后的建议代码（adjust 时必填）' }),
    reason: z.string().max(2000, '理由不能超过 2000 个字'),
  })
  .meta({ id: 'ResultsUseDecisionRequest' });
export type ResultsUseDecisionRequest = z.infer<typeof resultsUseDecisionRequestSchema>;

export const lastYearResultsDtoSchema = z
  .object({
    year: z.number().int().nullable().meta({ description: '上一年度；文档没有年度时为 null' }),
    items: z.array(z.object({ projectKey: z.string(), unit: z.string(), project: z.string(), lastYear: resultsUseRowDtoSchema.nullable() })),
  })
  .meta({ id: 'LastYearResults' });
export type LastYearResultsDto = z.infer<typeof lastYearResultsDtoSchema>;
