/**
 * The document model: what every reader produces and every writer renders. It is the interchange format
 * `jixiao/v1` of `shared/domain/interchange.md`, so its field names are a public promise — add fields, never rename.
 * Values are kept as the document states them; a reader never "corrects" a figure, the review reports it.
 */

export const DOCUMENT_FORMAT = 'jixiao/v1' as const;

export type DocumentKind =
  | 'project-targets'
  | 'department-targets'
  | 'project-self-evaluation'
  | 'department-self-evaluation';

export type AmountUnit = '万元' | '元';

export type TargetOp = '>=' | '>' | '=' | '<=' | '<';

/** How a target string was understood (R1). `qualitative` keeps its words in `text`; `unparseable` has a number we could not read. */
export type TargetKind = 'quantitative' | 'qualitative' | 'unparseable';

export type Direction = 'higher' | 'lower';

export interface Target {
  text: string;
  op: TargetOp | null;
  value: number | null;
  unit: string | null;
  kind: TargetKind;
}

/** An actual value (实际完成值) as written; `op` is always null. */
export interface ActualValue {
  text: string;
  op: null;
  value: number | null;
  unit: string | null;
}

export type QualitativeTier = 'achieved' | 'partly' | 'notAchieved';

export interface Indicator {
  /** 1-based number as written in the document (or the position when the document does not number them). */
  no: number;
  level1: string | null;
  level1Code: string | null;
  level2: string | null;
  level2Code: string | null;
  name: string;
  periodTarget: Target | null;
  annualTarget: Target | null;
  direction: Direction | null;
  /** 指标解释 / 指标含义 */
  explanation?: string | null;
  /** 说明及公式 / 计算公式 */
  formula?: string | null;
  weight?: number | null;
  actual?: ActualValue | null;
  tier?: QualitativeTier | null;
  score?: number | null;
  deviationReason?: string | null;
}

export interface Funding {
  fiscal: number | null;
  specialAccount: number | null;
  other: number | null;
}

export interface Project {
  name: string;
  code: string | null;
  amount: number | null;
  funding: Funding;
  category: string | null;
  description: string | null;
  goal: string | null;
  indicators: Indicator[];
  /** 1-based 序号 as printed, when the document numbers its projects. */
  no?: number | null;
  /** Project self-evaluations: the project's budget and spending (年初预算数, 全年预算数, 全年执行数). */
  budget?: Budget | null;
  /** 主管部门 as the project's own table states it (files that hold many projects of different departments). */
  department?: string | null;
  /** Self-evaluations: 实际完成情况 of the 年度总体目标, as written. */
  goalCompletion?: string | null;
  /** Self-evaluations: the project's 总分 / 自评得分 and 等级 as stated (null when the table leaves them blank). */
  statedScore?: number | null;
  statedGrade?: string | null;
  /** 中期目标 / 长期目标 as written (target tables). */
  periodGoal?: string | null;
}

export interface Staffing {
  /** 编制数 */
  authorized: number | null;
  /** 实有人数 */
  actual: number | null;
}

export interface BudgetUnit {
  name: string;
  code: string | null;
  statedAmount: number | null;
  projects: Project[];
  /** 单位性质: 行政单位, 公益一类事业单位 … */
  nature?: string | null;
  staffing?: Staffing | null;
}

export interface KeyTask {
  name: string;
  content: string | null;
  funds: number | null;
  expected: string | null;
  projects: string[];
  /** Self-evaluations: 目标完成情况 as written. */
  completion?: string | null;
  /** Self-evaluations: the task's key indicators. */
  indicators?: Indicator[];
  weight?: number | null;
  statedScore?: number | null;
  /** The projects listed under the task with their amounts as printed (表3-x), when the document gives them. */
  projectLines?: Array<{ name: string; amount: number | null }>;
  /** The total printed under the task's project list (预算合计金额), when given. */
  statedProjectTotal?: number | null;
}

export interface BudgetRow {
  /** 合计, 一般公共预算, 政府性基金 … as written. */
  source: string;
  initial: number | null;
  adjustment: number | null;
  adjusted: number | null;
  spent: number | null;
  statedExecutionRate: number | null;
  statedAdjustmentRate: number | null;
  /** National / Sichuan project self-evaluation tables: the row's 分值 (10 on 年度资金总额), 得分 and 原因 as stated. */
  weight?: number | null;
  score?: number | null;
  reason?: string | null;
}

export interface Budget {
  initial: number | null;
  adjustment: number | null;
  adjusted: number | null;
  spent: number | null;
  bySource: BudgetRow[];
  /** 基本支出 / 项目支出 split, when stated. */
  basic?: number | null;
  project?: number | null;
}

export interface ProblemLocation {
  file?: string;
  unit?: string;
  project?: string;
  indicator?: number;
  line?: number;
  sheet?: string;
  row?: number;
  column?: string;
  field?: string;
  /** 1-based page of a PDF, and table number in the document, for readers of laid-out files. */
  page?: number;
  table?: number;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something a reader noticed about the document itself (not a review finding). */
export interface Problem {
  severity: ProblemSeverity;
  /** Stable machine code, e.g. `totals-do-not-reconcile`. */
  code: string;
  message: string;
  location: ProblemLocation;
}

export interface DepartmentProfile {
  /** 部门主要职能 (summarised or verbatim). */
  functions?: string | null;
  staffing?: Staffing | null;
  /** 离退休人员 */
  retired?: number | null;
  /** 总体绩效目标 */
  overallGoal?: string | null;
  /** Budget split as stated: total, 基本支出, 项目支出 … */
  budgetTotal?: number | null;
  basicExpenditure?: number | null;
  projectExpenditure?: number | null;
  /** Free-form stated figures keyed by their label, for the consistency checks. */
  statedFigures?: Record<string, number>;
}

export interface SourceInfo {
  file: string | null;
  sha256: string | null;
  /** Which reader understood it, e.g. `text/compact-project-table`. */
  layout: string;
}

export interface PerformanceDocument {
  format: typeof DOCUMENT_FORMAT;
  kind: DocumentKind;
  department: string | null;
  year: number | null;
  amountUnit: AmountUnit;
  statedTotal: number | null;
  units: BudgetUnit[];
  problems: Problem[];
  source?: SourceInfo;
  /** Department documents. */
  keyTasks?: KeyTask[];
  indicators?: Indicator[];
  profile?: DepartmentProfile;
  /** Self-evaluation documents. */
  budget?: Budget;
  statedExecutionRate?: number | null;
  statedAdjustmentRate?: number | null;
  statedScore?: number | null;
  statedGrade?: string | null;
  /** Self-evaluation documents: 年度目标 and its 完成情况, 存在问题, 改进措施 as written. */
  goalText?: string | null;
  goalCompletion?: string | null;
  issuesText?: string | null;
  improvementsText?: string | null;
  /**
   * The same content restated in another part of the document (附件1 repeating the body's key tasks and
   * indicators, a summary table repeating figures), kept as read so the consistency checks can compare them.
   */
  restatements?: Restatement[];
}

export interface Restatement {
  /** Where it was read, as the document names it: `附件1 部门整体预算绩效目标表`. */
  source: string;
  keyTasks?: KeyTask[];
  indicators?: Indicator[];
  /** Figures keyed by their label as printed (`基本支出`, `财政拨款`, `财政供养人员数`). */
  figures?: Record<string, number>;
  overallGoal?: string | null;
}

/** Every project of the document in reading order, with its unit. */
export function listProjects(doc: PerformanceDocument): Array<{ unit: BudgetUnit; project: Project }> {
  return doc.units.flatMap((unit) => unit.projects.map((project) => ({ unit, project })));
}

/** Counts used by summaries and tests. */
/** The 主管部门 a document is filed under: the one it names, else its first unit (a department is also a unit). */
export function departmentNameOf(doc: PerformanceDocument): string | null {
  const named = doc.department?.trim();
  if (named) return named;
  const first = doc.units.find((u) => u.name.trim() !== '');
  return first ? first.name.trim() : null;
}

export function countIndicators(doc: PerformanceDocument): number {
  const inProjects = listProjects(doc).reduce((n, { project }) => n + project.indicators.length, 0);
  const inTasks = (doc.keyTasks ?? []).reduce((n, t) => n + (t.indicators?.length ?? 0), 0);
  return inProjects + (doc.indicators?.length ?? 0) + inTasks;
}

export function emptyDocument(kind: DocumentKind, amountUnit: AmountUnit = '万元'): PerformanceDocument {
  return {
    format: DOCUMENT_FORMAT,
    kind,
    department: null,
    year: null,
    amountUnit,
    statedTotal: null,
    units: [],
    problems: [],
  };
}
