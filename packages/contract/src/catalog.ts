/**
 * Wire schemas of the browse API: departments → units → projects → indicators, and the stored documents.
 * Shared by the server (validation, OpenAPI) and the web app (typed responses).
 */
import { canonicalIdSchema } from './ids';
import { z } from 'zod';
import { targetSchema } from './document';
import { targetStatusSchema } from './workflow';

const id = z.number().int().positive();

export const amountUnitSchema = z.enum(['万元', '元']);

export const departmentDtoSchema = z.object({
  id,
  name: z.string(),
  unitCount: z.number().int(),
  projectCount: z.number().int(),
  indicatorCount: z.number().int(),
  /** Sum of the current projects' amounts, in `amountUnit` (exact: computed in fen). */
  totalAmount: z.number().nullable(),
  amountUnit: amountUnitSchema,
  years: z.array(z.number().int()),
}).meta({ id: 'Department' });
export type DepartmentDto = z.infer<typeof departmentDtoSchema>;

export const unitDtoSchema = z.object({
  id,
  departmentId: id,
  name: z.string(),
  code: z.string().nullable(),
  projectCount: z.number().int(),
  totalAmount: z.number().nullable(),
  amountUnit: amountUnitSchema,
}).meta({ id: 'Unit' });
export type UnitDto = z.infer<typeof unitDtoSchema>;

export const projectDtoSchema = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  departmentId: id,
  departmentName: z.string(),
  documentId: id,
  year: z.number().int().nullable(),
  no: z.number().int().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  amount: z.number().nullable(),
  amountUnit: amountUnitSchema,
  category: z.string().nullable(),
  description: z.string().nullable(),
  goal: z.string().nullable(),
  indicatorCount: z.number().int(),
}).meta({ id: 'Project' });
export type ProjectDto = z.infer<typeof projectDtoSchema>;

export const indicatorDtoSchema = z.object({
  id,
  projectId: id.nullable(),
  no: z.number().int(),
  level1: z.string().nullable(),
  level1Code: z.string().nullable(),
  level2: z.string().nullable(),
  level2Code: z.string().nullable(),
  name: z.string(),
  periodTarget: targetSchema.nullable(),
  annualTarget: targetSchema.nullable(),
  direction: z.enum(['higher', 'lower']).nullable(),
  explanation: z.string().nullable(),
  formula: z.string().nullable(),
}).meta({ id: 'IndicatorRow' });
export type IndicatorDto = z.infer<typeof indicatorDtoSchema>;

export const projectDetailDtoSchema = projectDtoSchema.extend({ indicators: z.array(indicatorDtoSchema) }).meta({ id: 'ProjectDetail' });
export type ProjectDetailDto = z.infer<typeof projectDetailDtoSchema>;

export const documentSummaryDtoSchema = z.object({
  id,
  kind: z.enum(['project-targets', 'department-targets', 'project-self-evaluation', 'department-self-evaluation']),
  title: z.string(),
  departmentId: id.nullable(),
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  fileName: z.string().nullable(),
  layout: z.string(),
  /** Current (latest) version number, 1-based. */
  version: z.number().int().positive(),
  versionCount: z.number().int().positive(),
  sha256: z.string(),
  importedAt: z.string(),
  projectCount: z.number().int(),
  indicatorCount: z.number().int(),
  problemCount: z.number().int(),
  /** The budget units of the current version's projects, by name (tells documents of one title apart). */
  units: z.array(z.string()),
  /** Who made the current version (the importer, or the editor of an edited version); null before sign-in existed. */
  importedBy: z.string().nullable(),
  /** Where target documents stand in their workflow (a document that never moved is a 草稿 draft); null for self-evaluation documents. */
  targetStatus: targetStatusSchema.nullable(),
  /** Target documents: the approved (批复) version monitoring and self-evaluation are measured against; null until first approved. */
  approvedVersion: z.number().int().positive().nullable(),
}).meta({ id: 'DocumentSummary' });
export type DocumentSummaryDto = z.infer<typeof documentSummaryDtoSchema>;

/** The answer to an upload (services' `ImportResult`). */
export const importOutcomeDtoSchema = z.object({
  status: z.enum(['created', 'new-version', 'unchanged']),
  documentId: id,
  version: z.number().int().positive(),
  departmentId: id.nullable(),
  department: z.string().nullable(),
  kind: documentSummaryDtoSchema.shape.kind,
  year: z.number().int(),
  fileName: z.string(),
  projectCount: z.number().int(),
  indicatorCount: z.number().int(),
  /** What the reader noticed (warnings included); the document's `problems` list them. */
  problemCount: z.number().int(),
}).meta({ id: 'ImportOutcome' });
export type ImportOutcomeDto = z.infer<typeof importOutcomeDtoSchema>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const searchQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  departmentId: canonicalIdSchema.optional(),
  unitId: canonicalIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /**
   * Keyset paging (issue 12): the rows after this id, in id order — the last id of the page before. As fast on the
   * thousandth page as on the first, where `offset` reads and skips every row before. Used in place of `offset`.
   */
  after: canonicalIdSchema.optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/**
 * `GET /api/documents` (issue 12 item 1): a page of the stored documents, never all of them — at most `limit`
 * (default 50, at most 500), with `total`, the number the filters select. Filters and the person's departments are
 * applied in the database. `after` pages by keyset in id order; `offset` serves numbered pages in any order.
 */
export const documentListQuerySchema = searchQuerySchema.pick({ year: true, departmentId: true, limit: true, offset: true, after: true }).extend({
  search: z.string().trim().max(100).optional().meta({ description: '标题、部门名称或文件名中的关键词' }),
  kind: z.enum(['targets', 'self-evaluations']).optional().meta({ description: 'targets：项目与部门绩效目标；self-evaluations：自评表' }),
  status: targetStatusSchema.optional().meta({ description: '绩效目标所处的流程状态（从未流转的为草稿 draft）；只列绩效目标' }),
  documentId: canonicalIdSchema.optional().meta({ description: '只列这一个文档' }),
  order: z.enum(['id', 'recent', 'department']).default('id').meta({ description: 'id：按编号（可用 after 分页）；recent：最近导入的在前；department：按部门名称' }),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const healthDtoSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demo: z.boolean(),
}).meta({ id: 'Health' });
export type HealthDto = z.infer<typeof healthDtoSchema>;

/** Every error response: a stable code and a Chinese message that says what to do. */
export const errorDtoSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
}).meta({ id: 'Error' });
export type ErrorDto = z.infer<typeof errorDtoSchema>;

/** `GET /api/indicator-library` (指标库, issue 13 item 4): what approved targets across departments and years set. */
export const indicatorLibraryQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional().meta({ description: '指标名称关键词，例如：满意度' }),
  level2: z.string().trim().max(40).optional().meta({ description: '二级指标，例如：数量指标' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: '最多条数，默认 100' }),
});
export type IndicatorLibraryQuery = z.infer<typeof indicatorLibraryQuerySchema>;

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/).nullable();
export const libraryIndicatorDtoSchema = z
  .object({
    name: z.string(),
    level1: z.string().nullable(),
    level2: z.string().nullable(),
    unit: z.string().nullable(),
    direction: z.string().nullable(),
    /** How many approved targets set it, in how many departments, in which years. */
    count: z.number().int().min(1),
    departments: z.number().int().min(0),
    years: z.array(z.number().int()),
    /** Targets with a numeric value, and the spread of those values (exact decimals as text). */
    valued: z.number().int().min(0),
    min: decimal,
    p25: decimal,
    median: decimal,
    p75: decimal,
    max: decimal,
  })
  .meta({ id: 'LibraryIndicator' });
export type LibraryIndicatorDto = z.infer<typeof libraryIndicatorDtoSchema>;
