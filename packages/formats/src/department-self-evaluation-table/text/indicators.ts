/**
 * The key indicators of one task. Extraction gives each indicator's cells one after the other, each wrapped at its
 * column's width, with blank lines where the PDF happened to break and none where it did not:
 *
 *   关键指标 (≤ 22 wide, at most two lines) · 计算公式或指标内容 (≤ 20 wide) · 预期实现值 (short) ·
 *   指标完成情况 (≤ 10 wide) · sometimes 任务涉及资金 (a bare number, once per task, at times glued to the next name)
 *
 * So blank lines are ignored and the cells are told apart by width and by what the 预期实现值 looks like. Whatever
 * cannot be placed is reported with its line, never guessed.
 */
import { inferDirection, parseActual, parseLooseNumber, parseTarget, type ActualValue, type Indicator, type ProblemList, type Target } from '@jixiao/core';
import { displayWidth, joinCell, type Line } from '../../text/lines';

/** A full line of the 关键指标 column; a name this wide may continue on the next line. */
const FULL_NAME_WIDTH = 21;
/** The widest line of the 预期实现值 / 指标完成情况 columns (`年中和年末均` is 12). */
const NARROW_WIDTH = 12;
/** The narrowest first line of a 关键指标 (`信访案件办结率` is 14). */
const NAME_START_WIDTH = 14;

export interface TaskIndicators {
  indicators: Indicator[];
  funds: number | null;
}

interface Chunk {
  nameLines: Line[];
  body: Line[];
}

/** A bare number on its own line: the task's 任务涉及资金. */
function fundsOf(text: string): number | null {
  return /^\d[\d,.\s]*$/.test(text) ? parseLooseNumber(text) : null;
}

/** A 预期实现值 that reads as a quantity on its own (`95%`, `≥10次`, `每日3次`, `80分以上`) — not a formula tail like `*100%`. */
function isBareTarget(text: string): boolean {
  const squeezed = text.replace(/\s+/g, '');
  if (squeezed.length > 10 || /[=＝*×/]/.test(squeezed)) return false;
  return parseTarget(squeezed)?.kind === 'quantitative';
}

export function readIndicators(lines: readonly Line[], taskName: string, problems: ProblemList): TaskIndicators {
  const rows = lines.filter((l) => l.text !== '');
  let funds: number | null = null;
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < rows.length) {
    let first = rows[i] as Line;
    const bare = fundsOf(first.text);
    if (bare !== null) {
      if (funds === null) {
        funds = bare;
      } else {
        problems.warning('unplaced-figure', `${taskName}：第 ${first.no} 行的数字「${first.text}」不属于任何指标，未读取`, { line: first.no, field: taskName });
      }
      i++;
      continue;
    }
    // `2286环境整治日常巡查次数`: the funds cell ran into the next indicator's name.
    const glued = /^(\d+(?:\.\d+)?)\s*([\u3400-\u9fff].*)$/.exec(first.text);
    if (glued && funds === null) {
      funds = Number(glued[1]);
      first = { no: first.no, text: glued[2] ?? '' };
      problems.info('funds-joined-to-name', `${taskName}：第 ${first.no} 行的任务涉及资金 ${glued[1]} 与下一个指标名称连在一起，已按资金 ${glued[1]} 和指标「${first.text}」读取，请核对`, { line: first.no, field: taskName });
    }
    i++;
    const nameLines = [first];
    const next = rows[i];
    if (displayWidth(first.text) >= FULL_NAME_WIDTH && next && displayWidth(next.text) <= 18 && !/[=＝]/.test(next.text) && !isBareTarget(next.text) && fundsOf(next.text) === null) {
      nameLines.push(next);
      i++;
    }
    const body: Line[] = [];
    let seenNarrow = false;
    while (i < rows.length) {
      const line = rows[i] as Line;
      const amount = fundsOf(line.text);
      // Funds come after the completion cell; before the target a bare number belongs to the cells.
      if (amount !== null && seenNarrow) {
        if (funds === null) {
          funds = amount;
        } else {
          problems.warning('unplaced-figure', `${taskName}：第 ${line.no} 行的数字「${line.text}」不属于任何指标，未读取`, { line: line.no, field: taskName });
        }
        i++;
        continue;
      }
      // After the short 预期实现值 / 指标完成情况 lines, a wide line starts the next indicator.
      if (seenNarrow && displayWidth(line.text) >= NAME_START_WIDTH) break;
      if (body.length > 0 && displayWidth(line.text) <= NARROW_WIDTH) seenNarrow = true;
      if (body.length === 0 && isBareTarget(line.text)) seenNarrow = true;
      body.push(line);
      i++;
    }
    chunks.push({ nameLines, body });
  }
  const indicators = chunks.map((chunk, n) => toIndicator(chunk, n + 1, taskName, problems));
  return { indicators, funds };
}

function toIndicator(chunk: Chunk, no: number, taskName: string, problems: ProblemList): Indicator {
  const name = joinCell(chunk.nameLines) ?? '';
  const where = { line: chunk.nameLines[0]?.no, field: `${taskName} ${name}` };
  const cells = splitBody(chunk.body);
  if (!cells) {
    problems.warning('indicator-cells-unclear', `${taskName}「${name}」：无法区分计算公式、预期实现值和指标完成情况，预期实现值和完成情况未读取，请核对`, where);
  }
  const formula = cells ? joinCell(cells.formula) : joinCell(chunk.body);
  const targetText = cells ? joinCell(cells.target) : null;
  const annualTarget: Target | null = parseTarget(targetText);
  const actual = readActual(cells ? joinCell(cells.actual) : null);
  if (cells && annualTarget === null) problems.warning('target-missing', `${taskName}「${name}」：没有读到预期实现值`, where);
  if (cells && actual === null) problems.warning('actual-missing', `${taskName}「${name}」：没有读到指标完成情况`, where);
  return {
    no,
    level1: null,
    level1Code: null,
    level2: null,
    level2Code: null,
    name,
    periodTarget: null,
    annualTarget,
    direction: inferDirection(name, annualTarget),
    formula,
    weight: null,
    actual,
  };
}

/**
 * Splits an indicator's body into 公式 · 预期实现值 · 完成情况. The first line that is a bare quantity is the target
 * and the completion follows it; so is a quantity at the end of a formula line (`资源链接数量 50万元`), which must be
 * found before the completion's own `达50万` is taken for the target. Otherwise, for worded targets, the short lines at the end where the completion repeats the target
 * (`职称或以上` / `职称或以` `上`). Null when none fits.
 */
function splitBody(body: readonly Line[]): { formula: Line[]; target: Line[]; actual: Line[] } | null {
  for (let k = 0; k < body.length; k++) {
    const line = body[k] as Line;
    if (isBareTarget(line.text)) return { formula: body.slice(0, k), target: [line], actual: body.slice(k + 1) };
    // Only a cell-sized line can hold a formula and its target (and the regex stays linear on a hostile long line).
    const m = line.text.length <= 60 ? /^(.*\S)\s+(\S+)$/.exec(line.text) : null;
    if (m?.[1] && m[2] && isBareTarget(m[2])) {
      return { formula: [...body.slice(0, k), { no: line.no, text: m[1] }], target: [{ no: line.no, text: m[2] }], actual: body.slice(k + 1) };
    }
  }

  let start = body.length;
  while (start > 0 && displayWidth(body[start - 1]?.text ?? '') <= NARROW_WIDTH) start--;
  const tail = body.slice(start);
  for (let k = 1; k < tail.length; k++) {
    const target = joinedCompact(tail.slice(0, k));
    const actual = joinedCompact(tail.slice(k));
    if (target !== '' && actual.startsWith(target)) {
      return { formula: body.slice(0, start), target: tail.slice(0, k), actual: tail.slice(k) };
    }
  }
  return null;
}

function joinedCompact(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('').replace(/\s+/g, '');
}

/**
 * 指标完成情况 usually restates the indicator before its figure (`慰问困难党员群众覆盖率达95%`). The text is kept as
 * written; when the whole cell is not a plain quantity, the figure that ends it is read as the value.
 */
function readActual(text: string | null): ActualValue | null {
  const whole = parseActual(text);
  if (!whole || whole.value !== null) return whole;
  // The figure is at the end of the cell; looking at the last characters only keeps a hostile long cell cheap.
  const m = /(\d+(?:\.\d+)?[^\d\s，。、；,;:：]{0,4})$/.exec(whole.text.slice(-24));
  const figure = m?.[1] ? parseActual(m[1]) : null;
  if (!figure || figure.value === null) return whole;
  return { text: whole.text, op: null, value: figure.value, unit: figure.unit };
}
