/**
 * Wire schemas of rectification (整改, issue 14 item 2) and evidence (佐证材料, item 3; decision 032): an item with
 * its source, state, deadline and history, the actions the signed-in person may take now, and the attachments.
 */
import type * as core from '@jixiao/core';
import { z } from 'zod';
import { canonicalIdSchema } from './ids';

export const rectificationStatusSchema = z.enum(['draft', 'issued', 'fed-back', 'returned', 'verified']) satisfies z.ZodType<core.RectificationStatus>;
export const rectificationActionSchema = z.enum(['issue', 'feedback', 'verify', 'return']) satisfies z.ZodType<core.RectificationAction>;
export const rectificationSourceKindSchema = z.enum(['review', 'monitoring', 'self-evaluation', 'evaluation', 'inspection']) satisfies z.ZodType<core.RectificationSourceKind>;
export const evidenceTypeSchema = z.enum(['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls']) satisfies z.ZodType<core.EvidenceType>;

const bodyId = z.number().int().positive();
const text = (max: number, description: string) => z.string().trim().max(max).meta({ description });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2025-06-30 这样')
  .meta({ description: '日期（北京时间），YYYY-MM-DD' });

export const attachmentDtoSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    type: evidenceTypeSchema,
    typeLabel: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    by: z.string(),
    at: z.string(),
    /** Where it is downloaded (scoped to the owner's department). */
    url: z.string(),
  })
  .meta({ id: 'Attachment', description: '佐证材料：文件名、按内容识别的类型、大小、SHA-256、上传人和时间' });
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;

export const rectificationTransitionDtoSchema = z
  .object({
    id: z.number().int(),
    action: rectificationActionSchema,
    actionLabel: z.string(),
    from: rectificationStatusSchema,
    fromLabel: z.string(),
    to: rectificationStatusSchema,
    toLabel: z.string(),
    text: z.string().nullable(),
    round: z.number().int(),
    attachments: z.array(attachmentDtoSchema),
    by: z.object({ displayName: z.string(), roleLabel: z.string() }),
    at: z.string(),
  })
  .meta({ id: 'RectificationTransition' });
export type RectificationTransitionDto = z.infer<typeof rectificationTransitionDtoSchema>;

export const rectificationSummaryDtoSchema = z
  .object({
    id: z.number().int(),
    departmentId: z.number().int().nullable(),
    department: z.string().nullable(),
    unitName: z.string(),
    responsiblePerson: z.string(),
    problem: z.string(),
    projectName: z.string().nullable(),
    deadline: z.string(),
    status: rectificationStatusSchema,
    statusLabel: z.string(),
    sourceKind: rectificationSourceKindSchema,
    sourceLabel: z.string(),
    /** Days left until the deadline while the unit owes the work (negative: overdue); null otherwise. */
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RectificationSummary' });
export type RectificationSummaryDto = z.infer<typeof rectificationSummaryDtoSchema>;

export const rectificationDtoSchema = rectificationSummaryDtoSchema
  .extend({
    basis: z.string(),
    measures: z.string(),
    source: z.object({
      kind: rectificationSourceKindSchema,
      label: z.string(),
      documentId: z.number().int().nullable(),
      evaluationId: z.number().int().nullable(),
      key: z.string().nullable(),
      reference: z.string().nullable(),
    }),
    round: z.number().int(),
    revision: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    issuedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    actions: z.array(z.object({ action: rectificationActionSchema, label: z.string(), textRequired: z.boolean() })),
    history: z.array(rectificationTransitionDtoSchema),
    attachments: z.array(attachmentDtoSchema),
  })
  .meta({ id: 'Rectification' });
export type RectificationDto = z.infer<typeof rectificationDtoSchema>;

export const rectificationPageDtoSchema = z.object({ items: z.array(rectificationSummaryDtoSchema), total: z.number().int(), today: z.string() }).meta({ id: 'RectificationPage' });
export type RectificationPageDto = z.infer<typeof rectificationPageDtoSchema>;

export const rectificationListQuerySchema = z.strictObject({
  status: rectificationStatusSchema.optional().meta({ description: '状态' }),
  overdue: z.enum(['true', 'false']).optional().meta({ description: 'true：只看已逾期的（责任单位仍未反馈且已过整改期限）' }),
  departmentId: canonicalIdSchema.optional().meta({ description: '责任单位所在部门' }),
  search: z.string().trim().max(100).optional().meta({ description: '按问题、责任单位或项目搜索' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const common = {
  unitName: text(200, '责任单位').optional(),
  responsiblePerson: text(100, '责任人'),
  measures: text(4000, '整改措施'),
  deadline: date,
};

/** `POST /api/rectifications`: an item typed by the finance reviewer (an outside inspection, an evaluation, a self-evaluation). */
export const createRectificationRequestSchema = z.strictObject({
  departmentId: bodyId.meta({ description: '责任单位所在部门（街道）' }),
  unitName: text(200, '责任单位'),
  responsiblePerson: common.responsiblePerson,
  problem: text(4000, '问题'),
  basis: text(4000, '依据'),
  measures: common.measures,
  deadline: date,
  projectName: text(200, '涉及的项目').nullable().optional(),
  sourceKind: rectificationSourceKindSchema,
  sourceReference: text(500, '来源（文号、报告名称）').nullable().optional(),
  issue: z.boolean().optional().meta({ description: 'true：登记后立即下发整改通知' }),
}).meta({ id: 'CreateRectificationRequest' });
export type CreateRectificationRequest = z.infer<typeof createRectificationRequestSchema>;

/** `POST /api/rectifications/from-finding`: from a finding of a target review (问题 and 依据 taken from it). */
export const rectificationFromFindingRequestSchema = z.strictObject({
  documentId: bodyId,
  findingKey: z.string().min(1).max(500),
  ...common,
}).meta({ id: 'RectificationFromFindingRequest' });
export type RectificationFromFindingRequest = z.infer<typeof rectificationFromFindingRequestSchema>;

/** `POST /api/rectifications/from-monitoring-line`: from a red or yellow line of a monitoring report. */
export const rectificationFromMonitoringRequestSchema = z.strictObject({
  evaluationId: bodyId,
  lineKey: z.string().min(1).max(200),
  ...common,
}).meta({ id: 'RectificationFromMonitoringRequest' });
export type RectificationFromMonitoringRequest = z.infer<typeof rectificationFromMonitoringRequestSchema>;

/** `POST /api/rectifications/{id}/issue|verify|return`: the reviewer's step; `revision` is the one the page showed. */
export const rectificationStepRequestSchema = z.strictObject({
  revision: z.number().int().positive(),
  text: z.string().trim().max(2000).nullable().optional().meta({ description: '退回的理由（必填）或销号意见' }),
}).meta({ id: 'RectificationStepRequest' });
export type RectificationStepRequest = z.infer<typeof rectificationStepRequestSchema>;
