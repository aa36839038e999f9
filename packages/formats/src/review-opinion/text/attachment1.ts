/**
 * 附件1 部门整体预算绩效目标表: a form read as a sequence of cells. Labels (`基本支出`, `财政拨款`, `财政供养人员数`)
 * are followed by their figure; `总体绩效目标` by the goal; each 年度重点工作任务 is 名称, 主要实施内容, 拟投入的资金,
 * 期望达到的目标; the 绩效指标 part gives 一级 and 二级 only where they change, then 三级, 含义, 公式, 指标值.
 */
import { findLevel1, findLevel2, type Indicator, type KeyTask, type ProblemList } from '@jixiao/core';
import { cellNumber, cellText, compact, splitCells, type Cell, type Line } from './cells';
import { buildIndicator, looksLikeTarget } from './indicator';

export interface Attachment1 {
  unitName: string | null;
  year: number | null;
  figures: Record<string, number>;
  overallGoal: string | null;
  keyTasks: KeyTask[];
  indicators: Indicator[];
}

const INDICATOR_HEADER = /^(一级指标|二级指标|三级指标|指标含义、?解释|指标说明及公式|指标值|绩效指标)+$/;

export function readAttachment1(lines: readonly Line[], from: number, to: number, problems: ProblemList): Attachment1 {
  const cells = splitCells(lines, from, to);
  const texts = cells.map((c) => compact(c.raw));
  const find = (re: RegExp, start = 0) => {
    for (let i = Math.max(0, start); i < texts.length; i++) if (re.test(texts[i]!)) return i;
    return -1;
  };
  const title = find(/部门整体(预算|支出)?绩效目标表$/);
  const year = title >= 0 ? Number(/(20\d{2})年/.exec(texts[title]!)?.[1] ?? Number.NaN) : Number.NaN;
  const nameAt = find(/^单位名称$/);
  const unitName = nameAt >= 0 ? cellText(cells[nameAt + 1]) : null;

  const goalAt = find(/^总体绩效目标$/);
  const tasksAt = find(/^年度重点工作任务$/, goalAt);
  const indicatorsAt = find(/^绩效指标$/, Math.max(goalAt, tasksAt));

  const figures: Record<string, number> = {};
  const figuresEnd = goalAt >= 0 ? goalAt : tasksAt >= 0 ? tasksAt : cells.length;
  for (let i = 0; i + 1 < figuresEnd; i++) {
    const label = cellText(cells[i]);
    const value = cellNumber(texts[i + 1] ?? null);
    if (label && value !== null && /^[\u4e00-\u9fff（）()]+$/.test(label)) figures[label] = value;
  }
  if (goalAt < 0) problems.warning('section-missing', '附件1 中未找到「总体绩效目标」。', { line: cells[0]?.line ?? lines[from]?.no, field: '总体绩效目标' });
  const overallGoal = goalAt >= 0 && goalAt + 1 < cells.length && goalAt + 1 !== tasksAt ? cellText(cells[goalAt + 1]) : null;

  const keyTasks: KeyTask[] = [];
  if (tasksAt < 0) problems.warning('section-missing', '附件1 中未找到「年度重点工作任务」。', { line: lines[from]?.no, field: '年度重点工作任务' });
  else {
    const end = indicatorsAt >= 0 ? indicatorsAt : cells.length;
    // The 年度重点工作任务 label is repeated beside each task on a new page; the column headers come once.
    const taskCells = cells.slice(tasksAt + 1, end).filter((c) => !/^(年度重点工作任务|名称|主要实施内容|拟投入的资金（万元）|期望达到的目标（概述）)+$/.test(compact(c.raw)));
    keyTasks.push(...readTasks(taskCells, problems));
  }

  const indicators = indicatorsAt >= 0 ? readIndicators(cells.slice(indicatorsAt + 1), problems) : [];
  if (indicatorsAt < 0) problems.warning('section-missing', '附件1 中未找到「绩效指标」部分。', { line: lines[from]?.no, field: '绩效指标' });
  return { unitName, year: Number.isFinite(year) ? year : null, figures, overallGoal, keyTasks, indicators };
}

/** Tasks are found by their funds cell (a number): the two cells before it are 名称 and 内容, the one after 目标. */
function readTasks(cells: Cell[], problems: ProblemList): KeyTask[] {
  const tasks: KeyTask[] = [];
  let consumed = 0;
  for (let i = 0; i < cells.length; i++) {
    const funds = cellNumber(cells[i]!.raw);
    if (funds === null) continue;
    const before = cells.slice(consumed, i);
    if (before.length !== 2) {
      problems.warning('row-incomplete', `第 ${cells[i]!.line} 行：附件1 的重点工作任务（拟投入资金 ${cells[i]!.raw.trim()}）前应有「名称」和「主要实施内容」两格，读到 ${before.length} 格。`, {
        line: cells[i]!.line,
        field: '年度重点工作任务',
      });
    }
    const name = before.length >= 2 ? cellText(before[0]) : null;
    const content = before.length >= 1 ? cellText(before.slice(before.length >= 2 ? 1 : 0).map((c) => c.raw).join('\n')) : null;
    const expected = i + 1 < cells.length && cellNumber(cells[i + 1]!.raw) === null ? cellText(cells[i + 1]) : null;
    tasks.push({ name: name ?? `（第 ${tasks.length + 1} 项任务名称缺失）`, content, funds, expected, projects: [] });
    consumed = expected === null ? i + 1 : i + 2;
    if (expected !== null) i++;
  }
  return tasks;
}

function readIndicators(cells: Cell[], problems: ProblemList): Indicator[] {
  const indicators: Indicator[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let row: Cell[] = [];
  const flush = () => {
    if (row.length === 0) return;
    if (row.length !== 4) {
      problems.warning('row-incomplete', `第 ${row[0]!.line} 行：附件1 的绩效指标应有「三级指标、含义、公式、指标值」4 格，读到 ${row.length} 格，未能完整读出。`, {
        line: row[0]!.line,
        field: '绩效指标',
      });
    }
    // A short row (cut off) keeps what it has in order; its target is left missing rather than taken from another cell.
    const [name, explanation, formula, target] = row.length >= 4 ? row : [row[0], row[1], row[2], undefined];
    if (row.length === 4 && !looksLikeTarget(cellText(target))) {
      problems.warning('cell-suspect', `第 ${target!.line} 行：附件1 指标「${cellText(name) ?? ''}」的指标值过长，可能与相邻单元格连在一起：「${cellText(target)}」。`, { line: target!.line, field: '指标值' });
    }
    indicators.push(buildIndicator(indicators.length + 1, level1, level2, cellText(name), cellText(explanation), cellText(formula), cellText(target)));
    row = [];
  };
  for (const cell of cells) {
    const text = compact(cell.raw);
    if (INDICATOR_HEADER.test(text)) continue;
    const asLevel1 = text.endsWith('指标') ? findLevel1(text) : undefined;
    const asLevel2 = !asLevel1 && text.endsWith('指标') ? findLevel2(text) : undefined;
    if (asLevel1 || asLevel2) {
      flush();
      if (asLevel1) {
        level1 = cellText(cell);
        level2 = null;
      } else level2 = cellText(cell);
      continue;
    }
    row.push(cell);
    if (row.length === 4) flush();
  }
  flush();
  return indicators;
}
