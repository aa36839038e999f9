/**
 * The interchange format `jixiao/v1` as a zod schema: used to read `.json` documents and to describe the API.
 * It is checked against the core types at compile time (`satisfies`), so the two cannot drift apart.
 */
import type * as core from '@jixiao/core';
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
}) satisfies z.ZodType<core.PerformanceDocument>;
