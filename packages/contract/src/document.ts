/**
 * The interchange format `jixiao/v1` as a zod schema: used to read `.json` documents and to describe the API.
 * It is checked against the core types at compile time (`satisfies`), so the two cannot drift apart.
 */
import type * as core from '@jixiao/core';
import { parseTarget } from '@jixiao/core';
import { z } from 'zod';

const num = z.number().finite();
const nnum = num.nullable();
const nstr = z.string().nullable();

export const targetSchema = z.strictObject({
  text: z.string(),
  op: z.enum(['>=', '>', '=', '<=', '<']).nullable(),
  value: nnum,
  unit: nstr,
  kind: z.enum(['quantitative', 'qualitative', 'unparseable']),
}) satisfies z.ZodType<core.Target>;

export const actualSchema = z.strictObject({
  text: z.string(),
  op: z.null(),
  value: nnum,
  unit: nstr,
}) satisfies z.ZodType<core.ActualValue>;

export const indicatorSchema = z.strictObject({
  no: z.number().int().positive(),
  level1: nstr,
  level1Code: nstr,
  level2: nstr,
  level2Code: nstr,
  name: z.string(),
  periodTarget: targetSchema.nullable(),
  annualTarget: targetSchema.nullable(),
  direction: z.enum(['higher', 'lower']).nullable(),
  explanation: nstr.optional(),
  formula: nstr.optional(),
  weight: nnum.optional(),
  actual: actualSchema.nullable().optional(),
  tier: z.enum(['achieved', 'partly', 'notAchieved']).nullable().optional(),
  score: nnum.optional(),
  deviationReason: nstr.optional(),
}) satisfies z.ZodType<core.Indicator>;

export const projectSchema = z.strictObject({
  name: z.string(),
  code: nstr,
  amount: nnum,
  funding: z.strictObject({ fiscal: nnum, specialAccount: nnum, other: nnum }),
  category: nstr,
  description: nstr,
  goal: nstr,
  indicators: z.array(indicatorSchema),
  no: z.number().int().nullable().optional(),
  budget: z.lazy(() => budgetSchema).nullable().optional(),
  department: nstr.optional(),
  goalCompletion: nstr.optional(),
  statedScore: nnum.optional(),
  statedGrade: nstr.optional(),
  periodGoal: nstr.optional(),
}) satisfies z.ZodType<core.Project>;

const staffingSchema = z.strictObject({ authorized: nnum, actual: nnum });

export const budgetUnitSchema = z.strictObject({
  name: z.string(),
  code: nstr,
  statedAmount: nnum,
  projects: z.array(projectSchema),
  nature: nstr.optional(),
  staffing: staffingSchema.nullable().optional(),
}) satisfies z.ZodType<core.BudgetUnit>;

export const keyTaskSchema = z.strictObject({
  name: z.string(),
  content: nstr,
  funds: nnum,
  expected: nstr,
  projects: z.array(z.string()),
  completion: nstr.optional(),
  indicators: z.array(indicatorSchema).optional(),
  weight: nnum.optional(),
  statedScore: nnum.optional(),
  projectLines: z.array(z.strictObject({ name: z.string(), amount: nnum })).optional(),
  statedProjectTotal: nnum.optional(),
}) satisfies z.ZodType<core.KeyTask>;

export const restatementSchema = z.strictObject({
  source: z.string(),
  keyTasks: z.array(keyTaskSchema).optional(),
  indicators: z.array(indicatorSchema).optional(),
  figures: z.record(z.string(), num).optional(),
  overallGoal: nstr.optional(),
}) satisfies z.ZodType<core.Restatement>;

export const budgetRowSchema = z.strictObject({
  source: z.string(),
  initial: nnum,
  adjustment: nnum,
  adjusted: nnum,
  spent: nnum,
  statedExecutionRate: nnum,
  statedAdjustmentRate: nnum,
  weight: nnum.optional(),
  score: nnum.optional(),
  reason: nstr.optional(),
}) satisfies z.ZodType<core.BudgetRow>;

export const budgetSchema = z.strictObject({
  initial: nnum,
  adjustment: nnum,
  adjusted: nnum,
  spent: nnum,
  bySource: z.array(budgetRowSchema),
  basic: nnum.optional(),
  project: nnum.optional(),
}) satisfies z.ZodType<core.Budget>;

export const problemSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  location: z.strictObject({
    file: z.string().optional(),
    unit: z.string().optional(),
    project: z.string().optional(),
    indicator: z.number().int().optional(),
    line: z.number().int().optional(),
    sheet: z.string().optional(),
    page: z.number().int().optional(),
    table: z.number().int().optional(),
    row: z.number().int().optional(),
    column: z.string().optional(),
    field: z.string().optional(),
  }),
}) satisfies z.ZodType<core.Problem>;

export const profileSchema = z.strictObject({
  functions: nstr.optional(),
  staffing: staffingSchema.nullable().optional(),
  retired: nnum.optional(),
  overallGoal: nstr.optional(),
  budgetTotal: nnum.optional(),
  basicExpenditure: nnum.optional(),
  projectExpenditure: nnum.optional(),
  statedFigures: z.record(z.string(), num).optional(),
}) satisfies z.ZodType<core.DepartmentProfile>;

export const documentSchema = z.strictObject({
  format: z.literal('jixiao/v1'),
  kind: z.enum(['project-targets', 'department-targets', 'project-self-evaluation', 'department-self-evaluation']),
  department: nstr,
  year: z.number().int().min(1990).max(2100).nullable(),
  amountUnit: z.enum(['万元', '元']),
  statedTotal: nnum,
  units: z.array(budgetUnitSchema),
  problems: z.array(problemSchema),
  source: z.strictObject({ file: nstr, sha256: nstr, layout: z.string() }).optional(),
  keyTasks: z.array(keyTaskSchema).optional(),
  indicators: z.array(indicatorSchema).optional(),
  profile: profileSchema.optional(),
  budget: budgetSchema.optional(),
  statedExecutionRate: nnum.optional(),
  statedAdjustmentRate: nnum.optional(),
  statedScore: nnum.optional(),
  statedGrade: nstr.optional(),
  goalText: nstr.optional(),
  goalCompletion: nstr.optional(),
  issuesText: nstr.optional(),
  improvementsText: nstr.optional(),
  restatements: z.array(restatementSchema).optional(),
}).meta({ id: 'Document' }) satisfies z.ZodType<core.PerformanceDocument>;

/*
 * The reading side: what a person or a script may write (shared/domain/interchange.md), read leniently into the
 * strict document above. Only what is derivable is filled in — a target's `kind` from its op/value and words (R1),
 * `funding: null` as "no source stated", a missing list as empty, a problem without `code` as 'reported', an
 * indicator without `no` as its position. Nothing else is guessed: a missing amount unit or document kind is an error.
 */

/** The R1 kind of a target written without one: op and value given → quantitative; otherwise its words decide. */
export function targetKindOf(target: { text: string; op: core.TargetOp | null; value: number | null }): core.TargetKind {
  if (target.op !== null && target.value !== null) return 'quantitative';
  // Words without a number are qualitative; a number without op/value stated is kept as written and flagged, as R1 does.
  const read = parseTarget(target.text)?.kind;
  return read === undefined || read === 'qualitative' ? 'qualitative' : 'unparseable';
}

export const targetInputSchema = targetSchema
  .extend({ kind: targetSchema.shape.kind.optional() })
  .meta({ id: 'Target', description: '指标值（年度/实施周期）：文字照录，op/value/unit 为读出的运算符、数值和计量单位；定性指标 op、value、unit 为 null。kind 可省略，由 op/value 与文字推定。' })
  .transform((t): core.Target => ({ ...t, kind: t.kind ?? targetKindOf(t) }));

const indicatorInputShape = {
  no: indicatorSchema.shape.no.optional(),
  periodTarget: targetInputSchema.nullable(),
  annualTarget: targetInputSchema.nullable(),
};

/** Indicators as written; one without `no` is numbered by its position (the model's own rule for unnumbered tables). */
const indicatorsInput = z
  .array(indicatorSchema.extend(indicatorInputShape).meta({ id: 'Indicator', description: '绩效指标：一级/二级指标、名称、指标值和方向；自评文档另有 weight、actual、tier、score、deviationReason。' }))
  .transform((list): core.Indicator[] =>
    list.map(({ no, ...indicator }, at) => ({ no: no ?? at + 1, ...indicator })),
  );

const fundingInputSchema = z
  .strictObject({ fiscal: nnum.default(null), specialAccount: nnum.default(null), other: nnum.default(null) })
  .nullable()
  .default(null)
  .transform((f): core.Project['funding'] => f ?? { fiscal: null, specialAccount: null, other: null });

const budgetInputSchema = budgetSchema
  .extend({ bySource: z.array(budgetRowSchema).default([]) })
  .meta({ id: 'Budget', description: '自评文档的预算执行：年初预算、调整、全年预算、执行数，以及按资金来源的各行。' });

export const projectInputSchema = projectSchema.extend({
  funding: fundingInputSchema,
  indicators: indicatorsInput.default([]),
  budget: budgetInputSchema.nullable().optional(),
}).meta({ id: 'Project', description: '项目：名称、金额（amountUnit 下的数字）、资金来源、目标和指标。' }) satisfies z.ZodType<core.Project>;

export const budgetUnitInputSchema = budgetUnitSchema
  .extend({ projects: z.array(projectInputSchema).default([]) })
  .meta({ id: 'BudgetUnit', description: '预算单位及其项目。' }) satisfies z.ZodType<core.BudgetUnit>;

export const keyTaskInputSchema = keyTaskSchema.extend({
  projects: z.array(z.string()).default([]),
  indicators: indicatorsInput.optional(),
}).meta({ id: 'KeyTask', description: '部门文档的重点任务：内容、资金、预期目标和所含项目名称。' }) satisfies z.ZodType<core.KeyTask>;

const restatementInputSchema = restatementSchema.extend({
  keyTasks: z.array(keyTaskInputSchema).optional(),
  indicators: indicatorsInput.optional(),
}) satisfies z.ZodType<core.Restatement>;

/** A problem the writer noticed; without a code it is one they 'reported', without a location it has none. */
export const problemInputSchema = problemSchema.extend({
  code: z.string().default('reported'),
  location: problemSchema.shape.location.default({}),
}).meta({ id: 'Problem', description: '读取时发现的文档本身的问题（截断的单元格、对不上的合计等）；审核发现另列。' }) satisfies z.ZodType<core.Problem>;

/** What `.json` readers accept: every strict document, and the document as interchange.md shows it. */
export const documentInputSchema = documentSchema
  .extend({
    units: z.array(budgetUnitInputSchema).default([]),
    problems: z.array(problemInputSchema).default([]),
    keyTasks: z.array(keyTaskInputSchema).optional(),
    indicators: indicatorsInput.optional(),
    budget: budgetInputSchema.optional(),
    restatements: z.array(restatementInputSchema).optional(),
  })
  .meta({
    title: 'jixiao/v1 交换格式 (interchange document)',
    description:
      '预算绩效文档的 JSON 交换格式（shared/domain/interchange.md）。金额为 amountUnit（万元或元）下的数字，按文档所写；缺少的指标值为 null。' +
      '读取时可省略：指标值的 kind（由 op/value 与文字推定）、funding（或写 null）、空列表、问题的 code 与 location、指标的 no（按位置编号）。',
  }) satisfies z.ZodType<core.PerformanceDocument>;

/** The published JSON Schema of `jixiao/v1` (docs/jixiao-v1.schema.json, GET /api/schemas/jixiao-v1.json): what a writer may write. */
export function interchangeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(documentInputSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
}
