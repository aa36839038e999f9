/**
 * The 绩效目标表 of an approved target document, as the district prints it (seed 000's 附件1 部门整体预算绩效目标表 and
 * 附表2 项目支出绩效目标表): one grid of cells per table, with the spans of the printed form, shared by the .xlsx and
 * the .docx writers (and the 批复 notice's attachment) so every copy prints the same figures. Amounts are in 万元
 * whatever unit the document states them in; totals are summed here in fen (core `money/`); nothing is invented —
 * a figure the document does not state prints as 「—」.
 */
import { formatAmount, formatTarget, fromFen, listProjects, sumAmounts, toFen, type AmountUnit, type Indicator, type PerformanceDocument } from '@jixiao/core';
import { chineseDate } from '../docx/chinese-date';

export interface TargetApproval {
  /** The approved version printed. */
  version: number;
  /** The Beijing date (`2024-01-15`) and the person of the workflow history's 批复; null when the history has none. */
  approvedOn: string | null;
  approvedBy: string | null;
  /** The review conclusion it was approved on (优/良). */
  conclusion: string | null;
}

export interface TargetTableInput {
  document: PerformanceDocument;
  approval: TargetApproval;
  /** The district in the titles (「荔湾区」); default: none. */
  region?: string;
}

export interface GridCell {
  text: string;
  /** An amount in 万元: the .xlsx keeps it a number (formatted `#,##0.00`), the .docx prints `text`. */
  amount?: number | null;
  colSpan?: number;
  rowSpan?: number;
  /** A label or header cell (黑体). */
  head?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface TargetTablePart {
  /** 「附件1」, 「附件2」: printed above the title. */
  attachment: string;
  sheetName: string;
  title: string;
  /** 「部门名称：… 单位：万元」 above the grid (项目表). */
  subtitle: string | null;
  /** Relative column widths. */
  widths: number[];
  /** Rows of cells; a cell covered by a span above or to the left is left out (as Word and the writers expect). */
  rows: GridCell[][];
  /** The rows repeated at the top of each printed page. */
  headerRows: number;
  landscape: boolean;
}

const AMOUNT_UNIT: AmountUnit = '万元';

/** An amount of the document in 万元, exact (a document in 元 is converted through fen). */
export function inWan(value: number | null | undefined, unit: AmountUnit): number | null {
  if (value == null) return null;
  return unit === AMOUNT_UNIT ? value : fromFen(toFen(value, unit), AMOUNT_UNIT);
}

const amountCell = (value: number | null, extra: Partial<GridCell> = {}): GridCell => ({ text: formatAmount(value), amount: value, align: 'right', ...extra });
const head = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, head: true, align: 'center', ...extra });
const cell = (text: string | null | undefined, extra: Partial<GridCell> = {}): GridCell => ({ text: text?.trim() || '', ...extra });

/** The year as titles print it: 「2024年」, or nothing when the document states none. */
const yearText = (doc: PerformanceDocument) => (doc.year ? `${doc.year}年` : '');

export function departmentName(doc: PerformanceDocument): string {
  return doc.department ?? doc.units[0]?.name ?? '（未注明部门）';
}

/** The total of the projects listed, in 万元, summed in fen. */
export function projectTotal(doc: PerformanceDocument): number | null {
  return sumAmounts(
    listProjects(doc).map(({ project }) => inWan(project.amount, doc.amountUnit)),
    AMOUNT_UNIT,
  );
}

export function indicatorCount(doc: PerformanceDocument): number {
  return (doc.indicators?.length ?? 0) + listProjects(doc).reduce((n, { project }) => n + project.indicators.length, 0);
}

/**
 * Merges runs of equal 一级 / 二级 names down the rows, as the printed tables do: answers, per row, the rowSpan of
 * the cell (0 when the row is covered by the run above).
 */
function runs(values: string[], within: string[] = values.map(() => '')): number[] {
  const spans = values.map(() => 1);
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i] && within[j] === within[i] && values[i] !== '') j++;
    spans[i] = j - i;
    for (let k = i + 1; k < j; k++) spans[k] = 0;
    i = j;
  }
  return spans;
}

const levelName = (name: string | null | undefined, code: string | null | undefined) => (name ? name : code ?? '');

/** 附件1 部门整体预算绩效目标表 (seed 000): 单位名称, 基本信息, 预算整体情况, 总体绩效目标, 年度重点工作任务, 绩效指标. */
export function departmentPart(input: TargetTableInput): TargetTablePart {
  const doc = input.document;
  const unit = doc.amountUnit;
  const p = doc.profile ?? {};
  const name = departmentName(doc);
  const stated = (label: string) => inWan(p.statedFigures?.[label], unit);
  const subUnits = doc.units.filter((u) => u.name !== name).length;
  const tasks = doc.keyTasks ?? [];
  const indicators = doc.indicators ?? [];
  const rows: GridCell[][] = [];
  // Eight columns: a label column, then 7 for the content (amount pairs take 2 + 1, 2 + 2).
  rows.push([head('单位名称'), cell(name, { colSpan: 7 })]);
  rows.push([head('基本信息'), head('财政供养人员数', { colSpan: 2 }), cell(p.staffing?.actual != null ? String(p.staffing.actual) : '—', { align: 'center' }), head('下属二级单位数', { colSpan: 2 }), cell(String(subUnits), { colSpan: 2, align: 'center' })]);
  const total = inWan(p.budgetTotal ?? null, unit);
  rows.push([head('预算整体\n情况', { rowSpan: 4 }), head('部门预算支出', { colSpan: 2 }), head('预算金额\n（万元）'), head('收入来源', { colSpan: 2 }), head('预算金额（万元）', { colSpan: 2 })]);
  rows.push([head('基本支出', { colSpan: 2 }), amountCell(inWan(p.basicExpenditure ?? null, unit)), head('财政拨款', { colSpan: 2 }), amountCell(stated('财政拨款'), { colSpan: 2 })]);
  rows.push([head('项目支出', { colSpan: 2 }), amountCell(inWan(p.projectExpenditure ?? null, unit)), head('其他资金', { colSpan: 2 }), amountCell(stated('其他资金'), { colSpan: 2 })]);
  rows.push([head('合计', { colSpan: 2 }), amountCell(total), head('合计', { colSpan: 2 }), amountCell(total, { colSpan: 2 })]);
  rows.push([head('总体绩效\n目标'), cell(p.overallGoal ?? doc.goalText, { colSpan: 7 })]);
  if (tasks.length) {
    const funds = sumAmounts(tasks.map((t) => inWan(t.funds, unit)), AMOUNT_UNIT);
    rows.push([head('年度重点\n工作任务', { rowSpan: tasks.length + 2 }), head('名称'), head('主要实施内容', { colSpan: 2 }), head('拟投入\n的资金\n（万元）'), head('期望达到的目标（概述）', { colSpan: 3 })]);
    for (const t of tasks) rows.push([cell(t.name), cell(t.content, { colSpan: 2 }), amountCell(inWan(t.funds, unit)), cell(t.expected ?? t.completion, { colSpan: 3 })]);
    rows.push([head('合计'), cell('', { colSpan: 2 }), amountCell(funds), cell('', { colSpan: 3 })]);
  }
  if (indicators.length) {
    rows.push([head('绩效指标', { rowSpan: indicators.length + 1 }), head('一级指标'), head('二级指标'), head('三级指标'), head('指标含义、解释', { colSpan: 2 }), head('指标说明及公式'), head('指标值')]);
    const l1 = indicators.map((i) => levelName(i.level1, i.level1Code));
    const l2 = indicators.map((i) => levelName(i.level2, i.level2Code));
    const span1 = runs(l1);
    const span2 = runs(l2, l1);
    indicators.forEach((i, k) => {
      const row: GridCell[] = [];
      if (span1[k]) row.push(cell(l1[k], { rowSpan: span1[k]!, align: 'center' }));
      if (span2[k]) row.push(cell(l2[k], { rowSpan: span2[k]!, align: 'center' }));
      row.push(cell(i.name), cell(i.explanation, { colSpan: 2 }), cell(i.formula), cell(targetText(i), { align: 'center' }));
      rows.push(row);
    });
  }
  return {
    attachment: '附件1',
    sheetName: '部门整体预算绩效目标表',
    title: `${yearText(doc)}${input.region ?? ''}部门整体预算绩效目标表`,
    subtitle: null,
    widths: [11, 13, 11, 13, 11, 11, 16, 14],
    rows,
    headerRows: 0,
    landscape: false,
  };
}

export function targetText(i: Indicator): string {
  return formatTarget(i.annualTarget ?? i.periodTarget) || '（未填）';
}

interface ProjectColumn {
  header: string;
  width: number;
  /** Whether the document has anything in it (an empty optional column is left out). */
  optional?: (doc: PerformanceDocument) => boolean;
}

const any = (pick: (p: ReturnType<typeof listProjects>[number]) => string | null | undefined) => (doc: PerformanceDocument) => listProjects(doc).some((x) => Boolean(pick(x)?.trim()));

/** 附表2's columns, as seed 000 prints them; the indicator columns when the projects carry indicators (「含绩效指标」). */
const PROJECT_COLUMNS = {
  no: { header: '序号', width: 5 },
  code: { header: '预算单位\n编码', width: 8, optional: any(({ unit }) => unit.code) },
  unit: { header: '预算单位', width: 12 },
  name: { header: '项目名称', width: 14 },
  amount: { header: '项目金额', width: 9 },
  category: { header: '项目类别', width: 9, optional: any(({ project }) => project.category) },
  description: { header: '项目情况简介', width: 22, optional: any(({ project }) => project.description) },
  goal: { header: '绩效目标', width: 22 },
} satisfies Record<string, ProjectColumn>;
const INDICATOR_COLUMNS = [
  { header: '一级指标', width: 10 },
  { header: '二级指标', width: 12 },
  { header: '三级指标', width: 16 },
  { header: '指标值', width: 9 },
];

/** 附表2 项目支出绩效目标表: every project (with its indicators when it has any) and the 合计 of their amounts. */
export function projectPart(input: TargetTableInput, attachment: string): TargetTablePart {
  const doc = input.document;
  const projects = listProjects(doc);
  const withIndicators = projects.some(({ project }) => project.indicators.length > 0);
  const keys = (Object.keys(PROJECT_COLUMNS) as Array<keyof typeof PROJECT_COLUMNS>).filter((k) => {
    const c: ProjectColumn = PROJECT_COLUMNS[k];
    return !c.optional || c.optional(doc);
  });
  const columns: ProjectColumn[] = [...keys.map((k) => PROJECT_COLUMNS[k]), ...(withIndicators ? INDICATOR_COLUMNS : [])];
  const rows: GridCell[][] = [columns.map((c) => head(c.header))];
  projects.forEach(({ unit, project }, n) => {
    const lines = withIndicators ? Math.max(1, project.indicators.length) : 1;
    const span = lines > 1 ? { rowSpan: lines } : {};
    const values: Record<keyof typeof PROJECT_COLUMNS, GridCell> = {
      no: cell(String(n + 1), { align: 'center', ...span }),
      code: cell(unit.code, { align: 'center', ...span }),
      unit: cell(unit.name, span),
      name: cell(project.name, span),
      amount: amountCell(inWan(project.amount, doc.amountUnit), span),
      category: cell(project.category, span),
      description: cell(project.description, span),
      goal: cell(project.goal, span),
    };
    const first = keys.map((k) => values[k]);
    if (!withIndicators) return void rows.push(first);
    const indicators = project.indicators;
    if (!indicators.length) return void rows.push([...first, cell('—', { colSpan: 4, align: 'center' })]);
    const l1 = indicators.map((i) => levelName(i.level1, i.level1Code));
    const l2 = indicators.map((i) => levelName(i.level2, i.level2Code));
    const span1 = runs(l1);
    const span2 = runs(l2, l1);
    indicators.forEach((i, k) => {
      const row: GridCell[] = k === 0 ? [...first] : [];
      if (span1[k]) row.push(cell(l1[k], { rowSpan: span1[k]!, align: 'center' }));
      if (span2[k]) row.push(cell(l2[k], { rowSpan: span2[k]!, align: 'center' }));
      row.push(cell(i.name), cell(targetText(i), { align: 'center' }));
      rows.push(row);
    });
  });
  const before = keys.indexOf('amount');
  const after = columns.length - before - 1;
  rows.push([head('合计', { colSpan: before }), amountCell(projectTotal(doc)), ...(after > 0 ? [cell('——', { colSpan: after, align: 'center' })] : [])]);
  return {
    attachment,
    sheetName: '项目支出绩效目标表',
    title: `${yearText(doc)}${input.region ?? ''}项目支出绩效目标表`,
    subtitle: `部门名称：${departmentName(doc)}　　　　单位：万元`,
    widths: columns.map((c) => c.width),
    rows,
    headerRows: 1,
    landscape: true,
  };
}

/** The tables of the document: 部门整体 targets print 附件1 and 附表2 (when they list projects), project targets 附表2 alone. */
export function targetTableParts(input: TargetTableInput): TargetTablePart[] {
  const doc = input.document;
  const hasProjects = listProjects(doc).length > 0;
  if (doc.kind === 'department-targets') return [departmentPart(input), ...(hasProjects ? [projectPart(input, '附件2')] : [])];
  // A single attachment is 「附件」, without a number (GB/T 9704), as the notice's 附件说明 names it.
  return [projectPart(input, '附件')];
}

/** The line under each table naming the approved version, who approved it and when. */
export function approvalLine(approval: TargetApproval): string {
  const when = approval.approvedOn ? `于${chineseDate(approval.approvedOn)}` : '';
  const who = approval.approvedBy ? `经${approval.approvedBy}` : '经财政部门';
  const conclusion = approval.conclusion ? `（评审结论：${approval.conclusion}）` : '';
  return `本表为批复版本（第 ${approval.version} 版），${who}${when}批复${conclusion}。`;
}
