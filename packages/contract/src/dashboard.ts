/**
 * 数据看板 on the wire (issue 13 item 3): `GET /api/dashboard?year=&departmentId=` answers the year's charts for the
 * person's departments — budget execution against 序时进度, monitoring lights, review conclusions, self-evaluation
 * scores with the change from the year before, the review checks that fire most — district-wide by department, or
 * for one department (`departmentId`) by project and document. `GET /api/dashboard/export.xlsx` gives one chart's
 * data as a workbook. Amounts are in 万元.
 *
 * Imported as `@jixiao/contract/dashboard`, not through the index: the web's first page imports the index, and
 * only the dashboard's own lazy chunk should carry these schemas (issue 13: the first page must not grow).
 */
import { z } from 'zod';
import { canonicalIdSchema } from './ids';

export const DASHBOARD_CHARTS = ['execution', 'lights', 'conclusions', 'scores', 'checks'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** What each chart is called on the page and in its workbook. */
export const DASHBOARD_CHART_TITLES: Record<DashboardChart, string> = {
  execution: '预算执行与序时进度',
  lights: '监控预警灯',
  conclusions: '目标审核结论',
  scores: '绩效自评得分',
  checks: '高频审核问题',
};

export const dashboardQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  departmentId: canonicalIdSchema.optional(),
});
export type DashboardQueryDto = z.infer<typeof dashboardQuerySchema>;

export const dashboardExportQuerySchema = dashboardQuerySchema.extend({
  chart: z.enum(DASHBOARD_CHARTS).meta({ description: '哪一张图的数据' }),
});
export type DashboardExportQueryDto = z.infer<typeof dashboardExportQuerySchema>;

const id = z.number().int().positive();
/** Where a row leads: a department (drill down), a project page, a monitoring report, a review or a self-evaluation. */
const rowLinks = {
  key: z.string(),
  label: z.string(),
  departmentId: id.nullable(),
  projectId: id.nullable(),
  documentId: id.nullable(),
  evaluationId: id.nullable(),
};

export const executionRowDtoSchema = z.object({
  ...rowLinks,
  reports: z.number().int(),
  budgetWan: z.number().nullable(),
  spentWan: z.number().nullable(),
  executionRate: z.number().nullable().meta({ description: '执行率（%）' }),
  cutoffMonth: z.number().int(),
  timeProgress: z.number().meta({ description: '序时进度（%）= 截止月份 ÷ 12' }),
  gap: z.number().nullable().meta({ description: '执行率 − 序时进度（百分点）' }),
  light: z.enum(['red', 'yellow', 'green', 'blue']).nullable(),
});

export const lightRowDtoSchema = z.object({
  ...rowLinks,
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  blue: z.number().int(),
});

export const conclusionRowDtoSchema = z.object({
  ...rowLinks,
  优: z.number().int(),
  良: z.number().int(),
  中: z.number().int(),
  差: z.number().int(),
  /** The review score (one document); null for a department's row. */
  total: z.number().nullable(),
});

export const scoreRowDtoSchema = z.object({
  ...rowLinks,
  year: z.number().int(),
  count: z.number().int(),
  average: z.number().nullable(),
  grade: z.string().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  /** 评分依据: 系统评分 (kept scores) or 自评表填报 (the imported table's stated total). */
  source: z.string(),
});

export const checkRowDtoSchema = z.object({
  checkId: z.string(),
  name: z.string(),
  count: z.number().int(),
  documents: z.number().int(),
  departments: z.number().int(),
});

export const dashboardDtoSchema = z
  .object({
    /** The year shown (the one asked for, else the latest year with data); null when there is no data at all. */
    year: z.number().int().nullable(),
    years: z.array(z.number().int()),
    /** The department drilled into; null for the whole district (or every department the person sees). */
    department: z.object({ id, name: z.string() }).nullable(),
    execution: z.array(executionRowDtoSchema),
    /** Every report shown, summed exactly (万元); null without any report. */
    executionTotal: z
      .object({ reports: z.number().int(), budgetWan: z.number().nullable(), spentWan: z.number().nullable(), executionRate: z.number().nullable(), cutoffMonth: z.number().int(), timeProgress: z.number() })
      .nullable(),
    lights: z.array(lightRowDtoSchema),
    conclusions: z.object({
      rows: z.array(conclusionRowDtoSchema),
      /** Target documents reviewed for the chart, of how many of the year (the most recent first when capped). */
      reviewed: z.number().int(),
      of: z.number().int(),
    }),
    scores: z.array(scoreRowDtoSchema),
    checks: z.array(checkRowDtoSchema),
  })
  .meta({ id: 'Dashboard' });
export type DashboardDto = z.infer<typeof dashboardDtoSchema>;
export type ExecutionRowDto = z.infer<typeof executionRowDtoSchema>;
export type LightRowDto = z.infer<typeof lightRowDtoSchema>;
export type ConclusionRowDto = z.infer<typeof conclusionRowDtoSchema>;
export type ScoreRowDto = z.infer<typeof scoreRowDtoSchema>;
export type CheckRowDto = z.infer<typeof checkRowDtoSchema>;
