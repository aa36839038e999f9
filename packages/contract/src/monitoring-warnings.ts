/**
 * Monitoring warnings on the wire (预警, issue 14 item 8, decision 038): `GET /api/monitoring/{id}/warnings` answers the
 * warnings raised when the report was submitted — which line, which rule, why, the deadline, where each stands, and
 * the unit's answers; `POST /api/monitoring/{id}/warning-responses` records the unit's answer.
 */
import type * as core from '@jixiao/core';
import { z } from 'zod';

export const monitoringWarningRuleSchema = z.enum(['execution-floor', 'progress-gap']) satisfies z.ZodType<core.MonitoringWarningRule>;
export const monitoringWarningStatusSchema = z.enum(['answered', 'waiting', 'overdue']) satisfies z.ZodType<core.MonitoringWarningStatus>;

export const warningResponseDtoSchema = z
  .object({
    response: z.string().meta({ description: '继续执行 / 调剂 / 取消' }),
    explanation: z.string(),
    by: z.string(),
    at: z.string().meta({ description: 'ISO 8601, UTC' }),
  })
  .meta({ id: 'MonitoringWarningResponse' });

export const monitoringWarningDtoSchema = z
  .object({
    id: z.number().int().positive(),
    lineKey: z.string(),
    label: z.string().meta({ description: 'The budget line, e.g. 「街道综合工作经费」 or 「合计」' }),
    rule: monitoringWarningRuleSchema,
    ruleLabel: z.string(),
    setting: z.string().meta({ description: 'The rule set setting that raised it, e.g. warnings.executionFloors[1]' }),
    reason: z.string().meta({ description: 'Why, in Chinese, with the figures' }),
    ruleSet: z.string().meta({ description: 'id@version' }),
    issuedAt: z.string(),
    due: z.string().meta({ description: 'Last day to answer, YYYY-MM-DD (Beijing, working days)' }),
    status: monitoringWarningStatusSchema,
    /** The answer that counts (the latest); null while unanswered. */
    latest: warningResponseDtoSchema.nullable(),
    /** Every answer, oldest first. */
    history: z.array(warningResponseDtoSchema),
  })
  .meta({ id: 'MonitoringWarning' });
export type MonitoringWarningDto = z.infer<typeof monitoringWarningDtoSchema>;

export const monitoringWarningsDtoSchema = z
  .object({
    evaluationId: z.number().int().positive(),
    today: z.string().meta({ description: 'Beijing date the statuses are counted on' }),
    /** What the unit may answer (the rule set's `warnings.responses`); empty when the rule set raises no warnings. */
    responses: z.array(z.string()),
    responseWorkingDays: z.number().int().nullable(),
    /** Whether the signed-in person may answer (the unit that fills the report in). */
    canRespond: z.boolean(),
    warnings: z.array(monitoringWarningDtoSchema),
  })
  .meta({ id: 'MonitoringWarnings' });
export type MonitoringWarningsDto = z.infer<typeof monitoringWarningsDtoSchema>;

export const warningResponseRequestSchema = z.strictObject({
  warningId: z.number({ error: '缺少 warningId（要反馈的预警编号）' }).int().positive(),
  response: z.string({ error: '请选择处理意见（继续执行、调剂或取消）' }).trim().min(1, { error: '请选择处理意见（继续执行、调剂或取消）' }).max(20),
  explanation: z.string({ error: '请填写理由' }).trim().min(1, { error: '请填写理由' }).max(2000, { error: '理由最多 2000 字' }),
});
export type WarningResponseRequest = z.infer<typeof warningResponseRequestSchema>;
