/**
 * Rule-set settings and whole rule sets on the wire (issue 11 item 3, decision 019). The zod schemas are derived
 * from the core's one table per scheme (`SETTINGS_TABLES`, which also drives the validator and is proven equal to the
 * settings interfaces), so the contract does not describe the settings a second time. The wire schema types the
 * shape; the limits and the cross-checks (weights summing to 100, grade bands falling …) stay the validator's, which
 * every stored version has passed.
 */
import { SETTINGS_TABLES, type RuleScheme, type RuleSet, type SettingSpec, type SettingType } from '@jixiao/core';
import { z } from 'zod';

/** The zod schema of one table node. Objects keep keys the table does not name (as the wire always did). */
function toZod(spec: SettingSpec): z.ZodType {
  switch (spec.kind) {
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'one-of':
      return z.enum(spec.values as [string, ...string[]]);
    case 'words':
      return z.array(z.string());
    case 'text':
      return z.string();
    case 'object':
      return z.looseObject(Object.fromEntries(Object.entries(spec.fields).map(([k, field]) => [k, toZod(field)])));
    case 'mode': {
      const cases = Object.entries(spec.cases).map(([mode, fields]) =>
        z.looseObject({ mode: z.literal(mode), ...Object.fromEntries(Object.entries(fields).map(([k, field]) => [k, toZod(field)])) }),
      );
      return z.discriminatedUnion('mode', cases as [(typeof cases)[number], ...(typeof cases)[number][]]);
    }
    case 'list':
      return z.array(toZod(spec.of));
    case 'map':
      return z.record(z.string(), toZod(spec.of));
    case 'unchecked-list':
      return z.array(z.unknown());
    case 'optional':
      return toZod(spec.of).optional();
    case 'nullable':
      return toZod(spec.of).nullable();
    case 'depends':
      return toZod(spec.build({}));
  }
}

/**
 * The wire schema of a settings table, typed as the table's type. The one cast of this file: zod cannot follow a
 * table built at run time, and the core proves at compile time that the table's type is the settings interface.
 */
export function settingsSchema<S extends SettingSpec>(spec: S): z.ZodType<SettingType<S>> {
  return toZod(spec) as z.ZodType<SettingType<S>>;
}

export const projectSettingsSchema = settingsSchema(SETTINGS_TABLES['project-self-evaluation']).meta({ id: 'ProjectScoringSettings' });
export const departmentSettingsSchema = settingsSchema(SETTINGS_TABLES['department-self-evaluation']).meta({ id: 'DepartmentScoringSettings' });
export const monitoringSettingsSchema = settingsSchema(SETTINGS_TABLES.monitoring).meta({ id: 'MonitoringSettings' });
export const reviewSettingsSchema = settingsSchema(SETTINGS_TABLES['target-review']).meta({ id: 'ReviewSettings' });
export const resultsUseSettingsSchema = settingsSchema(SETTINGS_TABLES['results-use']).meta({ id: 'ResultsUseSettings' });

/** Settings of each scheme. */
export const SETTINGS_SCHEMAS = {
  'project-self-evaluation': projectSettingsSchema,
  'department-self-evaluation': departmentSettingsSchema,
  monitoring: monitoringSettingsSchema,
  'target-review': reviewSettingsSchema,
  'results-use': resultsUseSettingsSchema,
} as const satisfies Record<RuleScheme, z.ZodType>;

/** The settings of any scheme (the scheme beside them says which). */
export const ruleSetSettingsSchema = z.union([projectSettingsSchema, departmentSettingsSchema, monitoringSettingsSchema, reviewSettingsSchema, resultsUseSettingsSchema]);
export type RuleSetSettings = z.infer<typeof ruleSetSettingsSchema>;

const ruleSourceSchema = z.object({ docNo: z.string(), title: z.string(), note: z.string().optional() });

const ruleSetFields = {
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  region: z.string(),
  years: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
  sources: z.array(ruleSourceSchema),
  basedOn: z.string().nullable().optional(),
  applicability: z.object({ departmentWords: z.array(z.string()).optional(), layoutWords: z.array(z.string()).optional(), scoredBudgetRows: z.boolean().optional() }).optional(),
};

/** A whole rule set as the core runs it, by scheme (the browser scores with exactly what the server used). */
export const ruleSetSchema = z
  .discriminatedUnion('scheme', [
    z.object({ ...ruleSetFields, scheme: z.literal('project-self-evaluation'), settings: projectSettingsSchema }),
    z.object({ ...ruleSetFields, scheme: z.literal('department-self-evaluation'), settings: departmentSettingsSchema }),
    z.object({ ...ruleSetFields, scheme: z.literal('monitoring'), settings: monitoringSettingsSchema }),
    z.object({ ...ruleSetFields, scheme: z.literal('target-review'), settings: reviewSettingsSchema }),
    z.object({ ...ruleSetFields, scheme: z.literal('results-use'), settings: resultsUseSettingsSchema }),
  ])
  .meta({ id: 'RuleSet' }) satisfies z.ZodType<RuleSet<RuleSetSettings>>;
export type RuleSetDto = z.infer<typeof ruleSetSchema>;
