/**
 * The compact indicator cell of seed 002's project table:
 *   `1、1-产出指标; 12-质量指标; 补贴发放率; 实施周期指标值:100%; 年度指标值:100%。2、…`
 * Fields are separated by `;` `；` `:` `：` or `,` (the same table mixes them), extraction puts spaces inside
 * keywords (`实施周期指标 值`) and names, and a cell may stop before 年度指标值. Codes and levels are kept exactly as
 * written — a `3-满意度指标; 12-质量指标` mismatch is the review's to report, not ours to correct.
 */
import {
  cleanCell,
  compactCjk,
  inferDirection,
  normalizeExtractedText,
  parseTarget,
  toHalfWidthAlnum,
  trimPunctuation,
  type Indicator,
  type Target,
} from '@jixiao/core';

/** Something the indicator reader noticed; the caller adds the line, unit and project to the location. */
export interface IndicatorIssue {
  severity: 'warning' | 'info';
  code: string;
  /** The sentence after the location prefix the caller writes (`第10行项目「…」`). */
  message: string;
  indicator?: number;
}

export interface IndicatorCellResult {
  indicators: Indicator[];
  issues: IndicatorIssue[];
}

const SEP = '[;；:：,，]';
/**
 * Start of an item: `N、` followed by a level code `1-`. Only after a separator or sentence end, so the `2、` in a
 * name such as `信访、投诉` (no digit before 、) or a target such as `100%。2、1-产出指标` splits where it should.
 */
const ITEM_START = /(?<=^|[。；;，,:：\s])(\d{1,3})\s*、\s*(?=\d{1,2}\s*[-－—]\s*\S)/g;
/** Marks the cell as a compact indicator cell (used by the row reader to tell it from the goal text). */
export const INDICATOR_CELL_MARK = /(?:^|[。；;，,:：\s])\d{1,3}\s*、\s*\d{1,2}\s*[-－—]\s*[\u4e00-\u9fff]|实\s*施\s*周\s*期\s*指\s*标\s*值|年\s*度\s*指\s*标\s*值/;
const PERIOD_KEY = /实\s*施\s*周\s*期\s*指\s*标\s*值\s*[:：]?/;
const ANNUAL_KEY = /年\s*度\s*指\s*标\s*值\s*[:：]?/;
/** `1-产出指标; 12-质量指标; name` — the two levels as `code-name`, then the indicator's name. */
const HEAD = new RegExp(`^\\s*(\\d{1,2})\\s*[-－—]\\s*([^;；:：,，]*?)\\s*${SEP}\\s*(?:(\\d{1,2})\\s*[-－—]\\s*([^;；:：,，]*?)\\s*${SEP})?\\s*([\\s\\S]*)$`);
/** A value that ends where the cell ended on purpose (a sentence or field end), not where a truncation cut it. */
const ENDS_CLEANLY = /[。；;]\s*$/;

/**
 * Reads a compact indicator cell. `cut` says the cell may have been cut off at its end (the last cell of a file
 * that stops mid-line): a value running into the cut is dropped rather than read short (`10` from `100%`).
 */
export function readIndicatorCell(raw: string, cut = false): IndicatorCellResult {
  const text = compactCjk(toHalfWidthAlnum(normalizeExtractedText(raw)).replace(/\s+/g, ' '));
  const issues: IndicatorIssue[] = [];
  const indicators: Indicator[] = [];
  const starts = [...text.matchAll(ITEM_START)];
  if (starts.length === 0 && cut) {
    issues.push({ severity: 'warning', code: 'cell-cut', message: `的绩效指标栏在文件结尾处被截断（只剩「${excerpt(text.trim())}」），未读取。请补全原文后重新导入。` });
    return { indicators, issues };
  }
  if (starts.length === 0) {
    issues.push({ severity: 'warning', code: 'indicator-unreadable', message: `的绩效指标栏无法按「序号、一级; 二级; 名称; 实施周期指标值; 年度指标值」读取：「${excerpt(text)}」。请核对原表。` });
    return { indicators, issues };
  }
  const preamble = cleanCell(text.slice(0, starts[0]!.index));
  if (preamble) {
    issues.push({ severity: 'warning', code: 'indicator-unreadable', message: `的绩效指标栏开头有无法归属的文字「${excerpt(preamble)}」，已忽略。请核对原表。` });
  }
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    const body = text.slice(m.index + m[0].length, end);
    const isLast = i === starts.length - 1;
    const read = readItem(Number(m[1]), body, cut && isLast);
    issues.push(...read.issues);
    if (read.indicator) indicators.push(read.indicator);
  });
  checkNumbering(indicators, issues);
  return { indicators, issues };
}

function readItem(no: number, body: string, cut: boolean): { indicator: Indicator | null; issues: IndicatorIssue[] } {
  const issues: IndicatorIssue[] = [];
  const periodAt = PERIOD_KEY.exec(body);
  const annualAt = ANNUAL_KEY.exec(body);
  const headEnd = Math.min(periodAt?.index ?? body.length, annualAt?.index ?? body.length);
  const head = HEAD.exec(body.slice(0, headEnd));
  let level1: string | null = null;
  let level1Code: string | null = null;
  let level2: string | null = null;
  let level2Code: string | null = null;
  let nameText = body.slice(0, headEnd);
  if (head) {
    level1Code = head[1] ?? null;
    level1 = compactLevel(head[2]);
    level2Code = head[3] ?? null;
    level2 = compactLevel(head[4]);
    nameText = head[5] ?? '';
  }
  const name = cleanCell(trimPunctuation(nameText));
  // Cut inside the levels or the name: what is left is not the indicator the document states.
  if (cut && !periodAt && !annualAt) {
    issues.push({ severity: 'warning', code: 'cell-cut', indicator: no, message: `的第${no}个指标在文件结尾处被截断（只剩「${excerpt(body.trim())}」），未读取。请补全原文后重新导入。` });
    return { indicator: null, issues };
  }
  if (!name) {
    issues.push({ severity: 'warning', code: 'indicator-unreadable', indicator: no, message: `的第${no}个指标没有指标名称：「${excerpt(body.trim())}」。请核对原表。` });
    return { indicator: null, issues };
  }
  if (!head) {
    issues.push({ severity: 'warning', code: 'indicator-levels-unreadable', indicator: no, message: `的第${no}个指标「${name}」读不出「一级-名称; 二级-名称」，一级、二级指标留空。请核对原表。` });
  } else if (level2Code === null) {
    issues.push({ severity: 'warning', code: 'indicator-levels-unreadable', indicator: no, message: `的第${no}个指标「${name}」只写了一级指标，二级指标留空。请核对原表。` });
  }

  const periodEnd = annualAt && periodAt && annualAt.index > periodAt.index ? annualAt.index : body.length;
  const periodRaw = periodAt ? body.slice(periodAt.index + periodAt[0].length, periodEnd) : null;
  const annualRaw = annualAt && (!periodAt || annualAt.index > periodAt.index) ? body.slice(annualAt.index + annualAt[0].length) : null;

  let periodTarget = readTarget(periodRaw);
  let annualTarget = readTarget(annualRaw);
  if (cut) {
    // The value at the very end may be cut short: keep it only if it ends with its own punctuation.
    if (annualRaw !== null && !ENDS_CLEANLY.test(annualRaw)) {
      annualTarget = null;
      issues.push({ severity: 'warning', code: 'cell-cut', indicator: no, message: `的第${no}个指标「${name}」的年度指标值在文件结尾处被截断（「${excerpt(annualRaw.trim())}」），未读取。请补全原文后重新导入。` });
    } else if (annualRaw === null && periodRaw !== null && !ENDS_CLEANLY.test(periodRaw)) {
      periodTarget = null;
      issues.push({ severity: 'warning', code: 'cell-cut', indicator: no, message: `的第${no}个指标「${name}」的实施周期指标值在文件结尾处被截断（「${excerpt(periodRaw.trim())}」），未读取；年度指标值缺失。请补全原文后重新导入。` });
    }
  }
  if (!periodAt) {
    issues.push({ severity: 'warning', code: 'period-target-missing', indicator: no, message: `的第${no}个指标「${name}」没有实施周期指标值。请核对原表补上。` });
  }
  if (!annualAt && periodTarget) {
    issues.push({
      severity: 'warning',
      code: 'annual-target-missing',
      indicator: no,
      message: `的第${no}个指标「${name}」只有实施周期指标值「${periodTarget.text}」，没有年度指标值（单元格在此处结束，可能被截断），年度指标值记为空。请核对原表补上年度指标值。`,
    });
  }
  for (const [label, target] of [['实施周期指标值', periodTarget], ['年度指标值', annualTarget]] as const) {
    if (target?.kind === 'unparseable') {
      issues.push({ severity: 'warning', code: 'target-unparseable', indicator: no, message: `的第${no}个指标「${name}」的${label}「${target.text}」含数字但读不出数值和单位，按原文保留。请核对。` });
    }
  }
  return {
    indicator: {
      no,
      level1,
      level1Code,
      level2,
      level2Code,
      name,
      periodTarget,
      annualTarget,
      direction: inferDirection(name, annualTarget ?? periodTarget),
    },
    issues,
  };
}

function readTarget(raw: string | null): Target | null {
  if (raw === null) return null;
  const text = trimPunctuation(raw.trim());
  return text === '' ? null : parseTarget(text);
}

function compactLevel(text: string | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, '');
  return t === '' ? null : t;
}

/** Numbers as written are kept; a gap or a repeat is reported (a lost or doubled item is worth a look). */
function checkNumbering(indicators: Indicator[], issues: IndicatorIssue[]): void {
  const i = indicators.findIndex((ind, n) => ind.no !== n + 1);
  const ind = indicators[i];
  if (ind) {
    // Once is enough: after one gap every later number is off by the same amount.
    issues.push({ severity: 'info', code: 'indicator-numbering', indicator: ind.no, message: `的指标序号不连续：第${i + 1}个读到的指标编号为「${ind.no}」。请核对是否漏读或重复。` });
  }
}

function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
