/**
 * Wire schemas of rule sets as stored data (decision 003): the list, one version with its settings, copying with
 * changes into a new version, and activating a version for a region and budget year.
 */
import type * as core from '@jixiao/core';
import { z } from 'zod';
import { ruleSetSettingsSchema } from './settings';

export const ruleSchemeSchema = z.enum(['target-review', 'project-self-evaluation', 'department-self-evaluation', 'monitoring', 'results-use']) satisfies z.ZodType<core.RuleScheme>;

const ruleSetRefSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}@\d{1,6}$/, '规则集应写成「编号@版本」，例如 cn-project-self-evaluation@1');
const yearSchema = z.number().int().min(1990, '年度应为四位年份').max(2100, '年度应为四位年份');
const yearsSchema = z.object({ from: yearSchema.nullable(), to: yearSchema.nullable() });
const ruleSourceSchema = z.object({ docNo: z.string().trim().min(1, '请写明文号').max(200), title: z.string().trim().max(500), note: z.string().max(2000).optional() });

export const ruleSetSummaryDtoSchema = z.object({
  ref: z.string(),
  id: z.string(),
  version: z.number().int(),
  scheme: ruleSchemeSchema,
  schemeLabel: z.string(),
  name: z.string(),
  region: z.string(),
  years: yearsSchema,
  sources: z.array(ruleSourceSchema),
  basedOn: z.string().nullable(),
  builtIn: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
}).meta({ id: 'RuleSetSummary' });

/** One version with its settings, typed by its scheme (the settings tables of the core, settings.ts). */
export const ruleSetDetailDtoSchema = ruleSetSummaryDtoSchema.extend({ settings: ruleSetSettingsSchema }).meta({ id: 'RuleSetDetail' });

export const ruleSetActivationDtoSchema = z.object({
  id: z.number().int(),
  scheme: ruleSchemeSchema,
  region: z.string(),
  year: z.number().int(),
  ruleSet: z.string(),
  by: z.string(),
  at: z.string(),
}).meta({ id: 'RuleSetActivation' });

export const ruleSetListDtoSchema = z.object({ items: z.array(ruleSetSummaryDtoSchema), activations: z.array(ruleSetActivationDtoSchema) }).meta({ id: 'RuleSetList' });

export const createRuleSetRequestSchema = z.strictObject({
  from: ruleSetRefSchema,
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '规则集编号只能用小写字母、数字和连字符')
    .optional(),
  version: z.number().int().min(1, '版本号应为正整数').optional(),
  name: z.string().trim().min(1).max(200).optional(),
  region: z.string().trim().min(1, '请写明适用地区').max(100).optional(),
  years: yearsSchema.optional(),
  source: ruleSourceSchema.optional(),
  changes: z.record(z.string(), z.unknown()).optional(),
});

export const activateRuleSetRequestSchema = z.strictObject({
  ruleSet: ruleSetRefSchema,
  region: z.string().trim().min(1, '请写明适用地区').max(100),
  year: yearSchema,
});

export type RuleSetSummaryDto = z.infer<typeof ruleSetSummaryDtoSchema>;
export type RuleSetDetailDto = z.infer<typeof ruleSetDetailDtoSchema>;
export type RuleSetActivationDto = z.infer<typeof ruleSetActivationDtoSchema>;
export type CreateRuleSetRequest = z.infer<typeof createRuleSetRequestSchema>;
export type ActivateRuleSetRequest = z.infer<typeof activateRuleSetRequestSchema>;
