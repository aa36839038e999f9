/**
 * 年度主要任务: after the header (主要任务 年初预期目标 目标完成情况 关键指标 …) each task starts on a line `任务N`, then
 * its 年初预期目标 paragraph, its 目标完成情况 paragraph and its key indicators (indicators.ts). The two text cells are
 * separated by a blank line in every extraction we have seen; the 年初预期目标 column is wider (about 30) than
 * anything after it, which lets a paragraph broken by a stray blank line be joined back.
 */
import type { KeyTask, ProblemList } from '@jixiao/core';
import { readIndicators } from './indicators';
import { displayWidth, joinCell, paragraphs, type Line } from '../../text/lines';

export const TASK_START = /^任务\s*(\d+)\s*(.*)$/;

/** Lines of the 年初预期目标 column are wider than any column to their right (关键指标 is at most 22). */
const CONTENT_WIDTH = 24;

export function readTasks(lines: readonly Line[], from: number, to: number, problems: ProblemList): KeyTask[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) if (TASK_START.test(lines[i]?.text ?? '')) starts.push(i);
  if (starts.length === 0) {
    problems.warning('tasks-missing', '没有读到「任务1」「任务2」……，年度主要任务未读取', { line: lines[from]?.no, field: '主要任务' });
    return [];
  }
  return starts.map((start, n) => readTask(lines, start, starts[n + 1] ?? to, problems));
}

function readTask(lines: readonly Line[], start: number, end: number, problems: ProblemList): KeyTask {
  const head = lines[start] as Line;
  const m = TASK_START.exec(head.text);
  const name = `任务${m?.[1] ?? ''}`;
  const where = { line: head.no, field: name };
  // Text after `任务5` on the same line is the first line of its 年初预期目标.
  const rest: Line[] = m?.[2] ? [{ no: head.no, text: m[2] }] : [];
  const paras = paragraphs(lines, start + 1, end);
  if (rest.length) paras.unshift(rest);

  const content = paras.shift() ?? [];
  // A blank line inside the 年初预期目标 cell: the next paragraph still has its width.
  while (paras.length > 1 && content.length > 0 && isContentWidth(content) && isContentWidth(paras[0] ?? [])) content.push(...(paras.shift() ?? []));
  const completion = paras.shift() ?? [];
  const indicatorLines = paras.flat();

  const task: KeyTask = {
    name,
    content: joinCell(content),
    funds: null,
    expected: null,
    projects: [],
    completion: joinCell(completion),
    indicators: [],
  };
  if (task.content === null) problems.warning('task-content-missing', `${name}：没有读到年初预期目标`, where);
  if (task.completion === null) problems.warning('task-completion-missing', `${name}：没有读到目标完成情况`, where);
  const read = readIndicators(indicatorLines, name, problems);
  task.indicators = read.indicators;
  task.funds = read.funds;
  if (read.indicators.length === 0) problems.warning('task-indicators-missing', `${name}：没有读到关键指标`, where);
  if (read.funds === null) problems.warning('task-funds-missing', `${name}：没有读到任务涉及资金`, where);
  return task;
}

/** Every line but the last (a paragraph's last line may be short) is as wide as the 年初预期目标 column. */
function isContentWidth(para: readonly Line[]): boolean {
  const full = para.slice(0, -1);
  return full.length > 0 && full.every((l) => displayWidth(l.text) >= CONTENT_WIDTH);
}
