/**
 * 项目支出绩效目标表(含转移支付项目) as text extracted from the PDF (seed 002, 金花街道): one row per project with its
 * amounts, goal and the compact indicator cell `1、1-产出指标; 11-数量指标; 名称; 实施周期指标值:…; 年度指标值:…。`,
 * unit subtotal rows, a 合计 row and repeated page headers and footers. Rows are read by `compact/rows.ts`, indicator
 * cells by `compact/indicators.ts`; this module puts units and projects together and reconciles the totals.
 */
import {
  amountsEqual,
  emptyDocument,
  formatAmount,
  ProblemList,
  sumAmounts,
  type AmountUnit,
  type BudgetUnit,
  type PerformanceDocument,
  type Project,
} from '@jixiao/core';
import { readIndicatorCell } from './compact/indicators';
import { readRows, type EntryRow, type Row, type RowNote } from './compact/rows';
import type { TextLayout, TextLayoutContext } from './layout';

/** Units are named like organisations; projects like spending (…经费, …补贴). Used only for rows without goal and indicators. */
const ORGANISATION_NAME = /(办事处|街道|人民政府|政府|委员会|办公室|局|中心|站|所|院|馆|学校|小学|中学|幼儿园|大队|中队|队|协会|联合会|总工会|委|部|处|室|厅|社)$/;
/**
 * The unit name of projects listed before any unit row (a shuffled or cut file): left empty, with a problem, rather
 * than a placeholder that would be stored and listed as if it were a real unit.
 */
export const NO_UNIT_NAME = '';

const MAX_LINE_WARNINGS = 20;
const COMPACT_ITEM = /\d\s*、\s*[1-4]\s*[-－—]\s*(?:产\s*出|效\s*益|满\s*意\s*度|成\s*本)\s*指\s*标/g;

export const compactProjectTable: TextLayout = {
  id: 'text/compact-project-table',
  title: '项目支出绩效目标表（紧凑指标格式，如金花街道）',
  detect,
  parse,
};

/**
 * The compact indicator items are what define this layout; the title and the column header only add confidence.
 * Seed 000 also has a 项目支出绩效目标表 (without indicators), so the title alone stays below one half.
 */
function detect(text: string): number {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const title = /项\s*目\s*支\s*出\s*绩\s*效\s*目\s*标\s*表/.test(sample) ? 1 : 0;
  const header = /财政专户拨款/.test(sample) && /绩\s*效\s*指\s*标/.test(sample) ? 1 : 0;
  let items = 0;
  for (const _ of sample.matchAll(COMPACT_ITEM)) if (++items >= 3) break;
  const keys = /实\s*施\s*周\s*期\s*指\s*标\s*值/.test(sample) && /年\s*度\s*指\s*标\s*值/.test(sample) ? 1 : 0;
  if (items === 0) return 0.15 * title + 0.15 * header;
  return Math.min(1, 0.45 + 0.1 * items + 0.1 * keys + 0.1 * title + 0.1 * header);
}

function parse(text: string, context: TextLayoutContext): PerformanceDocument {
  const doc = emptyDocument('project-targets');
  const problems = new ProblemList(context.fileName ? { file: context.fileName } : {});
  doc.problems = problems.items;
  const rows = safeReadRows(text, problems);

  const departmentNames: string[] = [];
  let statedAmountUnit: AmountUnit | null = null;
  let totalLine: number | null = null;
  let pages: number | null = null;
  let lastPage = 0;
  let headerRows = 0;
  let current: BudgetUnit | null = null;
  const seen = new Map<string, number>();
  let unreadable = 0;

  const note = (n: RowNote, line: number, unit?: string, project?: string) =>
    problems.add(n.severity, n.code, `第${line}行${project ? `（项目「${project}」）` : ''}：${n.message}`, {
      line,
      ...(unit ? { unit } : {}),
      ...(project ? { project } : {}),
      ...(n.field ? { field: n.field } : {}),
    });

  for (const row of rows) {
    switch (row.kind) {
      case 'blank':
        break;
      case 'header':
        headerRows += 1; // every page repeats the header row: a lower bound on the pages present
        break;
      case 'title':
        doc.year ??= row.year;
        break;
      case 'footer':
        pages = Math.max(pages ?? 0, row.pages);
        lastPage = Math.max(lastPage, row.page);
        break;
      case 'amount-unit':
        statedAmountUnit ??= row.unit;
        break;
      case 'department':
        departmentNames.push(...row.names);
        statedAmountUnit ??= row.unit;
        break;
      case 'total':
        for (const n of row.notes) note(n, row.line);
        if (doc.statedTotal === null && totalLine === null) {
          doc.statedTotal = row.amount;
          totalLine = row.line;
        } else if (row.amount !== null && (doc.statedTotal === null || !amountsEqual(row.amount, doc.statedTotal, doc.amountUnit))) {
          problems.warning('total-repeated', `第${row.line}行又有一个合计行（${formatAmount(row.amount)}），与第${totalLine}行的合计（${formatAmount(doc.statedTotal)}）不同；按第${totalLine}行读取。请核对。`, { line: row.line, field: '合计' });
        }
        break;
      case 'unknown':
        // Each unreadable line is named, up to a limit: a wrong file would otherwise give one warning per line.
        if (++unreadable <= MAX_LINE_WARNINGS) {
          problems.warning('line-unreadable', `第${row.line}行既不是项目行，也不是表头、合计或页脚，无法读取，已跳过：「${excerpt(row.text)}」。请核对原表。`, { line: row.line });
        }
        break;
      case 'entry': {
        if (isUnitRow(row, departmentNames)) {
          current = addUnit(doc, row, problems);
          for (const n of row.notes) note(n, row.line, current.name);
          break;
        }
        current ??= orphanUnit(doc, row.line, problems);
        const project = readProject(row, current.name, problems, note);
        const key = `${current.name}\u0000${project.name}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problems.warning('duplicate-project', `第${row.line}行项目「${project.name}」与第${earlier}行重名，两行都已读取。请核对是否重复。`, { line: row.line, unit: current.name, project: project.name });
        } else {
          seen.set(key, row.line);
        }
        current.projects.push(project);
        break;
      }
    }
  }

  if (unreadable > MAX_LINE_WARNINGS) {
    problems.warning('line-unreadable', `另有${unreadable - MAX_LINE_WARNINGS}行无法读取，已跳过（共${unreadable}行）。请确认文件是「项目支出绩效目标表」提取的文本。`, {});
  }
  doc.department = pickDepartment(departmentNames, problems);
  if (statedAmountUnit) {
    doc.amountUnit = statedAmountUnit;
  } else if (rows.some((r) => r.kind === 'entry')) {
    problems.info('amount-unit-assumed', '文件未注明金额单位，按此类项目支出绩效目标表的惯例记为「万元」。如为「元」请更正。', { field: 'amountUnit' });
  }
  const pagesPresent = Math.max(lastPage, headerRows);
  if (pages !== null && pagesPresent > 0 && pagesPresent < pages) {
    // Seed 002 is pages 1–5 of 10: its 合计 and subtotals cover projects that are not in the file. Saying so once
    // lets the review report those totals as unverifiable (a warning) instead of wrong (an error).
    problems.warning(
      'document-incomplete',
      `页脚注明共${pages}页，本文件只有约${pagesPresent}页的内容：这是节选，合计与单位小计包括未列出的项目，无法逐项核对。请导入完整的文件后再核对金额。`,
      { field: '页码' },
    );
  }
  reconcile(doc, totalLine, pages, problems);
  if (doc.units.every((u) => u.projects.length === 0)) {
    problems.error('no-projects', '没有读到任何项目行（项目名称、金额和绩效指标）。请确认文件是「项目支出绩效目标表」提取的文本。', {});
  }
  return doc;
}

/** The row reader is written not to throw; if it ever does, the file is reported instead of crashing the caller. */
function safeReadRows(text: string, problems: ProblemList): Row[] {
  try {
    return readRows(typeof text === 'string' ? text : '');
  } catch (error) {
    problems.error('reader-failed', `读取时出错（${error instanceof Error ? error.message : String(error)}），文件未能读取。请把文件反馈给维护人员。`, {});
    return [];
  }
}

function isUnitRow(row: EntryRow, departmentNames: string[]): boolean {
  if (row.goal !== null || row.indicatorText !== null) return false;
  return ORGANISATION_NAME.test(row.name) || departmentNames.some((d) => d === row.name);
}

function addUnit(doc: PerformanceDocument, row: EntryRow, problems: ProblemList): BudgetUnit {
  const existing = doc.units.find((u) => u.name === row.name);
  if (existing) {
    const same = existing.statedAmount === row.money.total || (existing.statedAmount !== null && row.money.total !== null && amountsEqual(existing.statedAmount, row.money.total, doc.amountUnit));
    problems.warning(
      'unit-repeated',
      `第${row.line}行单位「${row.name}」再次出现${same ? '' : `，小计（${formatAmount(row.money.total)}）与前面的（${formatAmount(existing.statedAmount)}）不同，按前面的读取`}；其后的项目仍归入该单位。请核对。`,
      { line: row.line, unit: row.name },
    );
    return existing;
  }
  if (row.money.total === null) {
    problems.warning('amount-unreadable', `第${row.line}行单位「${row.name}」的小计金额没有读到。请核对原表。`, { line: row.line, unit: row.name, field: '总计' });
  }
  const unit: BudgetUnit = { name: row.name, code: null, statedAmount: row.money.total, projects: [] };
  doc.units.push(unit);
  return unit;
}

function orphanUnit(doc: PerformanceDocument, line: number, problems: ProblemList): BudgetUnit {
  problems.warning('projects-without-unit', `第${line}行起的项目之前没有单位小计行，无法确定资金使用单位，单位名称留空。请核对原表的单位行。`, { line });
  const unit: BudgetUnit = { name: NO_UNIT_NAME, code: null, statedAmount: null, projects: [] };
  doc.units.push(unit);
  return unit;
}

function readProject(
  row: EntryRow,
  unitName: string,
  problems: ProblemList,
  note: (n: RowNote, line: number, unit?: string, project?: string) => void,
): Project {
  const { money } = row;
  for (const n of row.notes) note(n, row.line, unitName, row.name);
  const project: Project = {
    name: row.name,
    code: null,
    amount: money.total,
    funding: { fiscal: money.fiscal, specialAccount: money.specialAccount, other: money.other },
    category: null,
    description: null,
    goal: row.goal,
    indicators: [],
  };
  const where = { line: row.line, unit: unitName, project: row.name };
  if (money.total === null) {
    problems.warning('amount-unreadable', `第${row.line}行项目「${row.name}」的总计金额没有读到，金额记为空。请核对原表。`, { ...where, field: '总计' });
  }
  const parts = [money.fiscal, money.specialAccount, money.other];
  const sum = sumAmounts(parts, '万元');
  if (money.total !== null && sum !== null && !amountsEqual(sum, money.total, '万元')) {
    problems.warning('funding-does-not-add-up', `第${row.line}行项目「${row.name}」财政拨款、财政专户拨款、其他资金之和 ${formatAmount(sum)} 不等于总计 ${formatAmount(money.total)}。请核对原表。`, { ...where, field: '资金来源' });
  }
  if (row.indicatorText === null) {
    problems.warning('indicators-missing', `第${row.line}行项目「${row.name}」没有读到绩效指标。请核对原表。`, { ...where, field: '绩效指标' });
    return project;
  }
  const cell = readIndicatorCell(row.indicatorText, row.indicatorCut);
  project.indicators = cell.indicators;
  for (const issue of cell.issues) {
    problems.add(issue.severity, issue.code, `第${row.line}行项目「${row.name}」${issue.message}`, {
      ...where,
      field: '绩效指标',
      ...(issue.indicator !== undefined ? { indicator: issue.indicator } : {}),
    });
  }
  return project;
}

/** Extraction repeats the department cell with parts missing (`部门名称:广州市荔湾区人民政府`); the longest is the whole name. */
function pickDepartment(names: string[], problems: ProblemList): string | null {
  if (names.length === 0) return null;
  const longest = names.reduce((a, b) => (b.length > a.length ? b : a));
  const other = names.find((n) => !longest.startsWith(n) && !longest.includes(n));
  if (other) {
    problems.info('department-ambiguous', `部门名称有两种写法「${longest}」和「${other}」，按较长的「${longest}」读取。请核对。`, { field: '部门名称' });
  }
  return longest;
}

/**
 * 勾稽 of what the file shows: 合计 against the projects and the unit subtotals, each subtotal against its projects.
 * An excerpt (seed 002 is pages 1–5 of 10) never reconciles: a warning, not a failure.
 */
function reconcile(doc: PerformanceDocument, totalLine: number | null, pages: number | null, problems: ProblemList): void {
  const unit = doc.amountUnit;
  const all = doc.units.flatMap((u) => u.projects);
  const pagesHint = pages ? `文件页脚注明共${pages}页，本文件可能只是节选；` : '';
  if (doc.statedTotal !== null && all.length > 0) {
    const projectsSum = sumAmounts(all.map((p) => p.amount), unit) ?? 0;
    const stated = doc.units.map((u) => u.statedAmount);
    const unitsSum = stated.every((s) => s !== null) ? sumAmounts(stated, unit) : null;
    const projectsOff = !amountsEqual(projectsSum, doc.statedTotal, unit);
    const unitsOff = unitsSum !== null && !amountsEqual(unitsSum, doc.statedTotal, unit);
    if (projectsOff || unitsOff) {
      const parts = [`本文件所列${all.length}个项目合计 ${formatAmount(projectsSum)} ${unit}${missing(all)}`];
      if (unitsSum !== null && unitsOff) parts.push(`单位小计合计 ${formatAmount(unitsSum)} ${unit}`);
      problems.warning(
        'totals-do-not-reconcile',
        `合计行（第${totalLine}行）为 ${formatAmount(doc.statedTotal)} ${unit}，与${parts.join('、')}不符，相差 ${formatAmount(difference(doc.statedTotal, projectsSum, unit))} ${unit}。${pagesHint}请核对是否缺少项目或合计有误。`,
        { line: totalLine ?? undefined, field: '合计' },
      );
    }
  }
  for (const u of doc.units) {
    if (u.statedAmount === null || u.projects.length === 0) continue;
    const sum = sumAmounts(u.projects.map((p) => p.amount), unit) ?? 0;
    if (!amountsEqual(sum, u.statedAmount, unit)) {
      problems.warning(
        'totals-do-not-reconcile',
        `单位「${u.name}」小计为 ${formatAmount(u.statedAmount)} ${unit}，本文件所列该单位${u.projects.length}个项目合计 ${formatAmount(sum)} ${unit}${missing(u.projects)}，相差 ${formatAmount(difference(u.statedAmount, sum, unit))} ${unit}。${pagesHint}请核对是否缺少项目或小计有误。`,
        { unit: u.name, field: '单位小计' },
      );
    }
  }
}

function missing(projects: Project[]): string {
  const n = projects.filter((p) => p.amount === null).length;
  return n > 0 ? `（另有${n}个项目金额未读出）` : '';
}

function difference(a: number, b: number, unit: AmountUnit): number {
  return sumAmounts([a, -b], unit) ?? 0;
}

function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
