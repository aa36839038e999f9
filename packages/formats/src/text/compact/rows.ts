/**
 * Lines of seed 002's project table → rows. Extraction gives one table row per line with tab-separated columns
 * 项目名称 | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标, plus page headers and footers repeated on every
 * page, and noise: stray characters in empty columns (`Į`, a lone `7`), extra empty columns on page 1, amounts with
 * spaces (`3, 986. 34`). Columns are told apart by content as well as position, so a shifted row still reads.
 */
import { amountsEqual, cleanCell, compactCjk, hasCjk, normalizeExtractedText, parseLooseNumber, sumAmounts } from '@jixiao/core';
import { INDICATOR_CELL_MARK } from './indicators';

export interface RowNote {
  severity: 'warning' | 'info';
  code: string;
  /** The sentence after the location prefix the caller writes (`第5行`). */
  message: string;
  field?: string;
}

export interface Money {
  total: number | null;
  fiscal: number | null;
  specialAccount: number | null;
  other: number | null;
}

/** A line with a name and amounts: a unit subtotal row or a project row (the caller decides which). */
export interface EntryRow {
  kind: 'entry';
  line: number;
  name: string;
  money: Money;
  goal: string | null;
  /** The compact indicator cell as extracted (the indicator reader cleans it). */
  indicatorText: string | null;
  /** The indicator cell is the last one of a file that stops mid-line: its end may be missing. */
  indicatorCut: boolean;
  notes: RowNote[];
}

export type Row =
  | { kind: 'blank' | 'header'; line: number }
  | { kind: 'title'; line: number; year: number | null }
  | { kind: 'footer'; line: number; page: number; pages: number }
  | { kind: 'department'; line: number; names: string[]; unit: '万元' | '元' | null }
  | { kind: 'amount-unit'; line: number; unit: '万元' | '元' }
  | { kind: 'total'; line: number; amount: number | null; notes: RowNote[] }
  | EntryRow
  | { kind: 'unknown'; line: number; text: string };

const FOOTER = /^第\s*(\d+)\s*页\s*[,，、]?\s*共\s*(\d+)\s*页$/;
const DEPARTMENT = /门\s*名\s*称\s*[:：]\s*(.+)$/;
const AMOUNT_UNIT = /(?:金额)?单位\s*[:：]\s*(万元|元)/;
/** Amounts in this table are printed with two decimals; a cut-off cell shows fewer. */
const TWO_DECIMALS = /\.\s*\d\s*\d\s*$/;
const MONEY_COLUMNS = ['总计', '财政拨款', '财政专户拨款', '其他资金'] as const;

/**
 * Splits the text into rows. `endsMidLine` says the text does not end with a line break, so its last line may be
 * cut off (a truncated file): values running into the cut are not read.
 */
export function readRows(text: string): Row[] {
  const normalized = normalizeExtractedText(text);
  const lines = normalized.split('\n');
  const endsMidLine = !normalized.endsWith('\n');
  return lines.map((line, i) => readRow(line, i + 1, endsMidLine && i === lines.length - 1));
}

function readRow(raw: string, line: number, cut: boolean): Row {
  const compact = raw.replace(/\s+/g, '');
  if (compact === '') return { kind: 'blank', line };
  const footer = FOOTER.exec(raw.trim());
  if (footer) return { kind: 'footer', line, page: Number(footer[1]), pages: Number(footer[2]) };
  const cells = raw.split('\t');
  const first = (cells[0] ?? '').replace(/\s+/g, '');
  if (first.startsWith('项目名称') || (compact.includes('财政拨款') && compact.includes('绩效指标') && !/\d\s*、/.test(compact))) {
    return { kind: 'header', line };
  }
  const unitMatch = AMOUNT_UNIT.exec(compact)?.[1];
  const amountUnit = unitMatch === undefined ? null : unitMatch === '元' ? '元' : '万元';
  const departments = cells.map((c, i) => ({ name: cleanCell(DEPARTMENT.exec(c.replace(AMOUNT_UNIT, ''))?.[1]), cut: cut && i === cells.length - 1 }));
  if (departments.some((d) => d.name !== null)) {
    // A name running into the end of a cut file may be missing its end: not read.
    const names = departments.filter((d) => d.name !== null && !d.cut).map((d) => d.name as string);
    return { kind: 'department', line, names, unit: amountUnit };
  }
  if (compact.includes('绩效目标表') && !INDICATOR_CELL_MARK.test(raw) && parseLooseNumber(cells[1]) === null) {
    const year = /((?:19|20)\d{2})\s*年/.exec(raw)?.[1];
    return { kind: 'title', line, year: year ? Number(year) : null };
  }
  if (amountUnit && compact.length <= 12) return { kind: 'amount-unit', line, unit: amountUnit };
  if (first === '合计' || first === '总计') {
    const notes: RowNote[] = [];
    const amount = readMoneyCell(cells[1] ?? '', cut && cells.length === 2, '总计', notes);
    for (const [i, cell] of cells.slice(2, 5).entries()) {
      const label = MONEY_COLUMNS[i + 1] ?? '';
      // The 合计 row's funding split is not part of the model; only stray characters are worth a note.
      if (isStray(cell)) notes.push(strayNote(cell, label));
    }
    return { kind: 'total', line, amount, notes };
  }
  return readEntry(cells, raw, line, cut);
}

function readEntry(cells: string[], raw: string, line: number, cut: boolean): Row {
  const notes: RowNote[] = [];
  const lastIndex = cells.length - 1;
  // The amounts start in column 2; a name spilled over two columns pushes them to column 3.
  let k = 1;
  if (parseLooseNumber(cells[1]) === null && isShortText(cells[1]) && parseLooseNumber(cells[2]) !== null) k = 2;
  const name = cleanCell(cells.slice(0, k).join(''));
  const hasAmount = parseLooseNumber(cells[k]) !== null;
  const hasIndicators = cells.some((c) => INDICATOR_CELL_MARK.test(c));
  if (!name || (!hasAmount && !hasIndicators) || INDICATOR_CELL_MARK.test(cells[0] ?? '')) {
    return { kind: 'unknown', line, text: compactCjk(raw.replace(/\s+/g, ' ')).trim() };
  }

  // Money columns: amounts, empty cells or stray characters; the first longer text starts the goal.
  const money: Money = { total: null, fiscal: null, specialAccount: null, other: null };
  const keys = ['total', 'fiscal', 'specialAccount', 'other'] as const;
  const bareIntegers: Array<{ key: (typeof keys)[number]; cell: string; label: string }> = [];
  let j = k;
  for (const [n, key] of keys.entries()) {
    const cell = cells[j];
    if (cell === undefined || isText(cell)) break;
    const label = MONEY_COLUMNS[n] ?? '';
    if (key !== 'total' && isBareInteger(cell)) bareIntegers.push({ key, cell, label });
    else money[key] = readMoneyCell(cell, cut && j === lastIndex, label, notes);
    j++;
  }
  resolveBareIntegers(money, bareIntegers, notes);

  // The rest: goal text, then the indicator cell; anything after it is indicator continuation or noise.
  const rest = cells.slice(j).map((cell, n) => ({ cell, index: j + n })).filter(({ cell }) => cell.trim() !== '');
  let at = rest.findIndex(({ cell }) => INDICATOR_CELL_MARK.test(cell));
  const last = rest.at(-1);
  const startsLikeIndicators = (cell: string) => /^\s*\d{1,3}\s*、\s*(?:\d|$)/.test(cell) || (rest.length > 1 && /^\s*\d{1,3}\s*、/.test(cell));
  if (at === -1 && cut && last?.index === lastIndex && startsLikeIndicators(last.cell)) {
    // A file cut right after `1、1` leaves too little to recognise the indicator cell; it is not goal text either.
    at = rest.length - 1;
  }
  const before = at === -1 ? rest : rest.slice(0, at);
  const after = at === -1 ? [] : rest.slice(at);
  const goalParts: string[] = [];
  for (const { cell } of before) {
    if (isStray(cell)) notes.push(strayNote(cell, '绩效目标'));
    else goalParts.push(cell);
  }
  const indicatorParts: string[] = [];
  let indicatorCut = false;
  for (const { cell, index } of after) {
    if (isStray(cell)) {
      notes.push(strayNote(cell, '绩效指标'));
      continue;
    }
    if (indicatorParts.length === 0 || INDICATOR_CELL_MARK.test(cell) || /^[\s。；;，,:：]*\d{1,3}\s*、/.test(cell)) {
      indicatorParts.push(cell);
      if (cut && index === lastIndex) indicatorCut = true;
    } else {
      // Text after the indicators that is not an indicator: most likely the goal spilled over; keep it there.
      goalParts.push(cell);
      notes.push({ severity: 'info', code: 'text-moved-to-goal', field: '绩效目标', message: `绩效指标之后还有文字「${excerpt(cell)}」，已并入绩效目标。请核对。` });
    }
  }
  const goal = cleanCell(goalParts.join(''));
  if (cut && goalParts.length > 0 && indicatorParts.length === 0) {
    notes.push({ severity: 'warning', code: 'row-cut', field: '绩效目标', message: '文件在此行中途结束：绩效目标可能不完整，绩效指标缺失。请补全原文后重新导入。' });
  }
  return { kind: 'entry', line, name, money, goal, indicatorText: indicatorParts.length > 0 ? indicatorParts.join('') : null, indicatorCut, notes };
}

/** A money cell: an amount, empty, or something else (reported, never guessed). */
function readMoneyCell(cell: string, cut: boolean, label: string, notes: RowNote[]): number | null {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  const value = parseLooseNumber(trimmed);
  if (value === null && cut && /^[\d\s,.]+$/.test(trimmed)) {
    notes.push({ severity: 'warning', code: 'row-cut', field: label, message: `文件在此行中途结束，「${label}」栏只剩「${trimmed}」，未读取。请补全原文后重新导入。` });
    return null;
  }
  if (value !== null) {
    if (cut && !TWO_DECIMALS.test(trimmed)) {
      notes.push({ severity: 'warning', code: 'row-cut', field: label, message: `文件在此行中途结束，「${label}」栏的「${trimmed}」可能不完整，未读取。请补全原文后重新导入。` });
      return null;
    }
    return value;
  }
  if (isStray(trimmed)) notes.push(strayNote(trimmed, label));
  else notes.push({ severity: 'warning', code: 'amount-unreadable', field: label, message: `「${label}」栏的「${excerpt(trimmed)}」不是金额，未读取。请核对原表。` });
  return null;
}

/**
 * A bare integer in a funding column (`7`, `3` after the amounts) is usually extraction noise: every amount in this
 * table has two decimals. It is taken as money only when it is exactly what makes the funding add up to the total.
 */
function resolveBareIntegers(money: Money, candidates: Array<{ key: 'fiscal' | 'specialAccount' | 'other' | 'total'; cell: string; label: string }>, notes: RowNote[]): void {
  for (const { key, cell, label } of candidates) {
    const value = parseLooseNumber(cell);
    const parts = (['fiscal', 'specialAccount', 'other'] as const).filter((k) => k !== key).map((k) => money[k]);
    const sum = value === null ? null : sumAmounts([...parts, value], '万元');
    const fits = sum !== null && money.total !== null && amountsEqual(sum, money.total, '万元');
    if (fits) money[key] = value;
    else notes.push(strayNote(cell.trim(), label));
  }
}

function strayNote(cell: string, label: string): RowNote {
  return { severity: 'info', code: 'stray-characters', field: label, message: `「${label}」栏有孤立字符「${cell.trim()}」，是提取噪声而不是金额或文字，已忽略。` };
}

/** One or two characters that are not an amount and not a Chinese word: `Į`, `7`, `·`. */
function isStray(cell: string): boolean {
  const t = cell.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 2 && !hasCjk(t) && !/^\d+\.\d+$/.test(t);
}

function isBareInteger(cell: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(cell);
}

/** Text long enough to be a goal or an indicator cell (not an amount, not noise). */
function isText(cell: string): boolean {
  const t = cell.replace(/\s+/g, '');
  // Digits, commas and dots only (`3, 1`, `16.`) are an amount, perhaps cut short, never goal text.
  return t.length > 0 && !/^[\d,.]+$/.test(t) && (hasCjk(t) || t.length > 2);
}

function isShortText(cell: string | undefined): boolean {
  if (cell === undefined) return false;
  const t = cell.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 12 && hasCjk(t) && !INDICATOR_CELL_MARK.test(t);
}

function excerpt(text: string, max = 40): string {
  const t = compactCjk(text.replace(/\s+/g, ' ')).trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
