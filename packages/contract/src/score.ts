/**
 * The self-evaluation score on the wire (issue 11 item 3): the core's `SelfEvaluationScore` (R3–R8) with every
 * indicator's score and reasons, checked against the core types at compile time, so the browser reads a typed score
 * instead of a cast one.
 */
import type * as core from '@jixiao/core';
import { z } from 'zod';

const points = z.number().nullable();
const level1Schema = z.enum(['output', 'outcome', 'satisfaction', 'cost']) satisfies z.ZodType<core.Level1Key>;

export const indicatorScoreSchema = z
  .object({
    score: points,
    weight: z.number(),
    status: z.enum(['met', 'partly', 'missed', 'qualitative', 'pending', 'invalid']),
    reasons: z.array(z.string()),
    overrun: z.boolean(),
    needsExplanation: z.boolean(),
    band: z.object({ min: z.number(), max: z.number(), suggested: z.number() }).optional(),
  })
  .meta({ id: 'IndicatorScore' }) satisfies z.ZodType<core.IndicatorScore>;

export const executionScoreSchema = z.object({ rate: points, score: points, weight: z.number(), reasons: z.array(z.string()) }).meta({ id: 'ExecutionScore' }) satisfies z.ZodType<core.ExecutionScore>;

export const scoreDifferenceSchema = z.object({
  part: z.enum(['indicator', 'execution', 'execution-weight', 'total', 'stated-sum', 'grade']),
  indicator: z.number().int().optional(),
  name: z.string(),
  stated: z.union([z.number(), z.string()]),
  computed: z.union([z.number(), z.string()]),
  message: z.string(),
}) satisfies z.ZodType<core.ScoreDifference>;

export const projectScoreSchema = z
  .object({
    rule: z.string(),
    ruleTitle: z.string(),
    execution: executionScoreSchema,
    lines: z.array(z.object({ no: z.number().int(), name: z.string(), level1: level1Schema.nullable(), weight: z.number(), result: indicatorScoreSchema })),
    levelWeights: z.record(level1Schema, z.number()),
    total: points,
    cappedTotal: points,
    grade: z.string().nullable(),
    notes: z.array(z.string()),
    differences: z.array(scoreDifferenceSchema),
  })
  .meta({ id: 'ProjectScore' }) satisfies z.ZodType<core.ProjectScore>;

export const departmentScoreSchema = z
  .object({
    rule: z.string(),
    ruleTitle: z.string(),
    spendingProgress: executionScoreSchema,
    annualGoal: indicatorScoreSchema,
    tasks: z.array(
      z.object({
        name: z.string(),
        weight: points,
        lines: z.array(z.object({ no: z.number().int(), name: z.string(), weight: z.number(), result: indicatorScoreSchema })),
        score: points,
        statedScore: points,
      }),
    ),
    keyTasksScore: points,
    total: points,
    grade: z.string().nullable(),
    differences: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'DepartmentScore' }) satisfies z.ZodType<core.DepartmentScore>;

/** A self-evaluation's score: each project's (R7), or the department's (R8), with the total and grade. */
export const selfEvaluationScoreSchema = z
  .discriminatedUnion('scope', [
    z.object({
      scope: z.literal('project'),
      rule: z.string(),
      ruleTitle: z.string(),
      projects: z.array(z.object({ key: z.string(), unit: z.string(), project: z.string(), score: projectScoreSchema })),
      total: points,
      grade: z.string().nullable(),
    }),
    z.object({ scope: z.literal('department'), rule: z.string(), ruleTitle: z.string(), department: departmentScoreSchema, total: points, grade: z.string().nullable() }),
  ])
  .meta({ id: 'SelfEvaluationScore' }) satisfies z.ZodType<core.SelfEvaluationScore>;
