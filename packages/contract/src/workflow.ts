/**
 * Wire schemas of the workflow (R9, R12, decision 011): a target document's state with its history and the actions
 * the signed-in person may take now, an evaluation's state, period locks, and the public page's published items.
 */
import { canonicalIdSchema } from './ids';
import type * as core from '@jixiao/core';
import { z } from 'zod';
import { documentSchema } from './document';
import { selfEvaluationScoreSchema } from './score';

export const targetStatusSchema = z.enum(['draft', 'submitted', 'in-review', 'returned', 'approved', 'rejected']) satisfies z.ZodType<core.TargetStatus>;
export const targetActionSchema = z.enum(['submit', 'send-back', 'approve-unit', 'return', 'approve', 'reject', 'request-adjustment']) satisfies z.ZodType<core.TargetAction>;
export const evaluationActionSchema = z.enum(['submit', 'approve-unit', 'send-back', 'accept', 'return']) satisfies z.ZodType<core.EvaluationAction>;
export const evaluationStatusSchema = z.enum(['draft', 'submitted', 'in-review', 'returned', 'done']) satisfies z.ZodType<core.EvaluationWorkflowStatus>;

const reason = z.string().trim().max(2000);

export const transitionDtoSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  from: z.string(),
  fromLabel: z.string(),
  to: z.string(),
  toLabel: z.string(),
  reason: z.string().nullable(),
  conclusion: z.string().nullable(),
  round: z.number().int(),
  version: z.number().int(),
  by: z.object({ username: z.string(), displayName: z.string(), role: z.string(), roleLabel: z.string() }),
  at: z.string(),
}).meta({ id: 'Transition' });

export const targetWorkflowDtoSchema = z.object({
  documentId: z.number().int(),
  status: targetStatusSchema,
  statusLabel: z.string(),
  round: z.number().int(),
  /** Bumped by every transition: send it back as `baseRevision` so an action on a stale page is refused. */
  revision: z.number().int(),
  statusVersion: z.number().int(),
  currentVersion: z.number().int(),
  /** The frozen version monitoring and self-evaluation use; null until approved. */
  approvedVersion: z.number().int().nullable(),
  adjustment: z.boolean(),
  /** May the signed-in person save an edited version now (and if not, why). */
  editable: z.boolean(),
  editRefusal: z.string().nullable(),
  /** The review conclusion the reviewer's action follows (R9). */
  conclusion: z.string().nullable(),
  actions: z.array(z.object({ action: targetActionSchema, label: z.string(), reasonRequired: z.boolean() })),
  /** Can the signed-in person publish the approved version now. */
  canPublish: z.boolean(),
  /** The published targets may be taken off the public page by this person (撤回公开, with a reason). */
  canWithdrawPublication: z.boolean(),
  /** 结转: this person may make next year's draft from the approved version. */
  canRollOver: z.boolean(),
  publishedVersion: z.number().int().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  currentVersionBy: z.string().nullable(),
  currentVersionAt: z.string(),
  history: z.array(transitionDtoSchema),
}).meta({ id: 'TargetWorkflow' });
export type TargetWorkflowDto = z.infer<typeof targetWorkflowDtoSchema>;
export type TransitionDto = z.infer<typeof transitionDtoSchema>;

export const targetTransitionRequestSchema = z.strictObject({
  action: targetActionSchema,
  reason: reason.optional(),
  /** The workflow revision the person was looking at; a newer one (someone acted meanwhile) is refused with 409. */
  baseRevision: z.number().int().min(0).optional(),
});

export const evaluationWorkflowDtoSchema = z.object({
  evaluationId: z.number().int(),
  documentId: z.number().int(),
  kind: z.enum(['monitoring', 'self-evaluation']),
  period: z.string(),
  status: evaluationStatusSchema,
  statusLabel: z.string(),
  revision: z.number().int(),
  locked: z.object({ period: z.string(), by: z.string(), at: z.string(), reason: z.string().nullable() }).nullable(),
  actions: z.array(z.object({ action: evaluationActionSchema, label: z.string(), reasonRequired: z.boolean() })),
  canPublish: z.boolean(),
  /** 撤回公开: this person may take the published result off the public page. */
  canWithdrawPublication: z.boolean(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  history: z.array(transitionDtoSchema),
}).meta({ id: 'EvaluationWorkflow' });
export type EvaluationWorkflowDto = z.infer<typeof evaluationWorkflowDtoSchema>;

export const evaluationTransitionRequestSchema = z.strictObject({ action: evaluationActionSchema, reason: reason.optional() });

export const periodLockDtoSchema = z.object({ period: z.string(), locked: z.boolean(), reason: z.string().nullable(), by: z.string(), at: z.string() });
export const periodLocksDtoSchema = z.object({
  /** The periods locked now. */
  locked: z.array(periodLockDtoSchema),
  history: z.array(periodLockDtoSchema),
}).meta({ id: 'PeriodLocks' });
export const periodLockRequestSchema = z.strictObject({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '年度写作 2024，监控月份写作 2024-07'),
  locked: z.boolean(),
  reason: reason.optional(),
});

export const publishedItemDtoSchema = z.object({
  type: z.enum(['targets', 'self-evaluation']),
  documentId: z.number().int(),
  evaluationId: z.number().int().nullable(),
  title: z.string(),
  departmentId: z.number().int().nullable(),
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  version: z.number().int(),
  period: z.string().nullable(),
  projectCount: z.number().int(),
  indicatorCount: z.number().int(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  publishedBy: z.string(),
  publishedAt: z.string(),
}).meta({ id: 'PublishedItem' });
export type PublishedItemDto = z.infer<typeof publishedItemDtoSchema>;

export const publicQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  departmentId: canonicalIdSchema.optional(),
});

export const publishedTargetsDtoSchema = z.object({ item: publishedItemDtoSchema, document: documentSchema }).meta({ id: 'PublishedTarget' });
export type PublishedTargetsDto = z.infer<typeof publishedTargetsDtoSchema>;

/** A published self-evaluation result: the item, and the score it was published with (null for a score kept before the score's wire shape, which the page then shows as the total and grade alone). */
export const publishedSelfEvaluationDtoSchema = z.object({ item: publishedItemDtoSchema, score: selfEvaluationScoreSchema.nullable() }).meta({ id: 'PublishedSelfEvaluation' });
export type PublishedSelfEvaluationDto = z.infer<typeof publishedSelfEvaluationDtoSchema>;

/** One item an adjustment (目标调整) adds, removes or changes against the approved version (core `compareTargets`). */
export const targetChangeDtoSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  kindLabel: z.string().meta({ description: '新增 / 删除 / 调整' }),
  what: z.enum(['project', 'indicator']),
  unit: z.string().nullable(),
  project: z.string().nullable(),
  keyTask: z.string().nullable(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
}) satisfies z.ZodType<Omit<core.TargetChange, never> & { kindLabel: string }>;

/** An adjustment side by side: the approved version, the draft, the reason given, and what changed. */
export const targetChangesDtoSchema = z
  .object({
    documentId: z.number().int(),
    /** False when the document is not an adjustment of approved targets (then nothing is compared). */
    adjustment: z.boolean(),
    approvedVersion: z.number().int().nullable(),
    currentVersion: z.number().int(),
    reason: z.string().nullable().meta({ description: '申请调整时写明的理由' }),
    requestedBy: z.string().nullable(),
    requestedAt: z.string().nullable(),
    counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
    changes: z.array(targetChangeDtoSchema),
  })
  .meta({ id: 'TargetChanges' });
export type TargetChangesDto = z.infer<typeof targetChangesDtoSchema>;
