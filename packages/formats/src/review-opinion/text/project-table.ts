/**
 * 附表2 项目支出绩效目标表: one row per project — 序号 and 预算单位编码 on one line (`1 064005`), then 预算单位,
 * 项目名称, 项目金额, 项目类别, 项目情况简介, 绩效目标, each a wrapped cell; the table ends with `合计 3,282.53 —— ……`.
 * The amount sometimes shares the line that ends the name (`经费 40.00`); it is split off there. Seed 000 has no
 * indicators in this table.
 */
import type { BudgetUnit, ProblemList, Project } from '@jixiao/core';
import { cellNumber, cellText, compact, splitCells, type Cell, type Line } from './cells';

export interface ProjectTable {
  units: BudgetUnit[];
  statedTotal: number | null;
}

const ROW_START = /^(\d{1,4})\s+(\d{6})$/;
/** Page headers repeated on every page: `序号 预算单位编码 预算单位 项目名称 项目金额 项目类别 项目情况简介 绩效目标`. */
const HEADER = /^(序号|预算单位编码|预算单位|项目名称|项目金额|项目类别|项目情况简介|绩效目标|单位：万元)+$/;
const CATEGORY = /^\d{2,4}-\S/;
const AMOUNT_AT_END = /^([\s\S]*\S)\s+(\d{1,3}(?:,\d{3})+\.\d{1,2}|\d+\.\d{1,2})$/;

export function readProjectTable(lines: readonly Line[], from: number, to: number, problems: ProblemList): ProjectTable {
  const units: BudgetUnit[] = [];
  let statedTotal: number | null = null;
  const rows: Cell[][] = [];
  for (const cell of splitCells(lines, from, to)) {
    const c = compact(cell.raw);
    if (HEADER.test(c) || c.startsWith('部门名称') || c.endsWith('项目支出绩效目标表')) continue;
    const total = /^合计\s*([\d,.\s]+?)(?:\s|—|-|$)/.exec(cell.raw.replace(/\n/g, ' '));
    if (total) {
      statedTotal = cellNumber(total[1] ?? null);
      if (statedTotal === null) problems.warning('total-unreadable', `第 ${cell.line} 行：附表2 的「合计」金额无法识别：「${cellText(cell)}」。`, { line: cell.line, field: '合计' });
      break;
    }
    if (ROW_START.test(cell.raw.trim())) rows.push([cell]);
    else if (rows.length > 0) rows[rows.length - 1]!.push(cell);
  }
  let expectedNo = 1;
  for (const row of rows) {
    const start = ROW_START.exec(row[0]!.raw.trim())!;
    const no = Number(start[1]);
    const code = start[2]!;
    const line = row[0]!.line;
    if (no !== expectedNo) {
      problems.warning('row-number-gap', `第 ${line} 行：附表2 的序号为 ${no}，按顺序应为 ${expectedNo}。`, { line, field: '序号' });
    }
    expectedNo = no + 1;
    const read = readRow(row.slice(1));
    if (read.name === null) {
      // Without a name there is nothing to attach the rest to (the row was cut off): report it, invent nothing.
      problems.warning('row-incomplete', `第 ${line} 行：附表2 第 ${no} 行没有读到项目名称（可能被截断），该行未导入。`, { line, field: '项目名称' });
      continue;
    }
    const name = read.name;
    if (read.missing.length > 0) {
      problems.warning(
        'row-incomplete',
        `第 ${line} 行：附表2 第 ${no} 行（${name}）未能读出${read.missing.join('、')}，已留空。`,
        { line, project: name, unit: read.unit ?? undefined },
      );
    }
    const unitName = read.unit ?? '（未写明预算单位）';
    let unit = units.find((u) => u.name === unitName && u.code === code);
    if (!unit) {
      unit = { name: unitName, code, statedAmount: null, projects: [] };
      units.push(unit);
    }
    const project: Project = {
      name,
      code: null,
      amount: read.amount,
      funding: { fiscal: null, specialAccount: null, other: null },
      category: read.category,
      description: read.description,
      goal: read.goal,
      indicators: [],
      no,
    };
    unit.projects.push(project);
  }
  return { units, statedTotal };
}

interface RowFields {
  unit: string | null;
  name: string | null;
  amount: number | null;
  category: string | null;
  description: string | null;
  goal: string | null;
  missing: string[];
}

/**
 * The cells after `序号 编码`: 单位, 名称, 金额, 类别, 简介, 目标. The amount and the category are recognised by their
 * shape, so a name or unit that wrapped into two cells is joined back, and a missing cell is reported, not guessed.
 */
function readRow(cells: Cell[]): RowFields {
  const texts: string[] = [];
  let amount: number | null = null;
  let amountAt = -1;
  for (const cell of cells) {
    const raw = cell.raw.trim();
    if (amountAt < 0) {
      const alone = cellNumber(raw);
      if (alone !== null && /\./.test(raw)) {
        amount = alone;
        amountAt = texts.length;
        continue;
      }
      const atEnd = AMOUNT_AT_END.exec(raw);
      if (atEnd && texts.length >= 1) {
        texts.push(atEnd[1]!);
        amount = cellNumber(atEnd[2]!);
        amountAt = texts.length;
        continue;
      }
    }
    texts.push(raw);
  }
  const missing: string[] = [];
  const before = amountAt < 0 ? texts.slice(0, 2) : texts.slice(0, amountAt);
  const after = amountAt < 0 ? texts.slice(2) : texts.slice(amountAt);
  const unit = cellText(before[0]);
  const name = before.length > 1 ? cellText(before.slice(1).join('\n')) : null;
  if (!unit) missing.push('预算单位');
  if (!name) missing.push('项目名称');
  if (amountAt < 0) missing.push('项目金额');
  let category: string | null = null;
  let rest = after;
  if (after[0] !== undefined && CATEGORY.test(compact(after[0]))) {
    category = cellText(after[0]);
    rest = after.slice(1);
  } else missing.push('项目类别');
  // 简介 and 目标 are the last two cells; an extra break inside 简介 (a line that happened to end in a space) is
  // joined back into it rather than shifting the goal.
  let description: string | null = null;
  let goal: string | null = null;
  if (rest.length >= 2) {
    description = cellText(rest.slice(0, -1).join('\n'));
    goal = cellText(rest[rest.length - 1]);
  } else if (rest.length === 1) {
    description = cellText(rest[0]);
    missing.push('绩效目标');
  } else missing.push('项目情况简介', '绩效目标');
  return { unit, name, amount, category, description, goal, missing };
}
