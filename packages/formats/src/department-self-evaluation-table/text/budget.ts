/**
 * 部门资金情况: one header line naming the columns (资金来源 整体支出年初预算数 整体支出预算调整数 整体年度实际支出数
 * 预算完成率 预算调整率) and one line per source (`合计 4062.10 1026.38 4487.07 88.18% 25.27%`). Columns are mapped
 * from the header, not assumed, because district tables add or drop 全年预算数. Figures and rates are kept exactly as
 * printed — seed 004's sub-rows state rates their own figures do not give, and the review must see that.
 */
import { cleanCell, hasCjk, parseLooseNumber, type Budget, type BudgetRow, type ProblemList } from '@jixiao/core';
import type { Line } from '../../text/lines';

type Column = 'initial' | 'adjustment' | 'adjusted' | 'spent' | 'statedExecutionRate' | 'statedAdjustmentRate';

/** Header words of each column; the order of the header decides the order of the figures. */
const COLUMN_WORDS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['initial', /年初预算/],
  // 调整数 but not 调整率, and not 调整后预算 (that is the adjusted budget).
  ['adjustment', /调整数|调整金额/],
  ['adjusted', /全年预算|调整后预算/],
  ['spent', /实际支出|执行数/],
  ['statedExecutionRate', /完成率|执行率/],
  ['statedAdjustmentRate', /调整率/],
];

const RATE_COLUMNS: readonly Column[] = ['statedExecutionRate', 'statedAdjustmentRate'];

/** A figure: a number (extraction may put spaces inside it), optionally with %, or a dash for an empty cell. */
const TOKEN = /[—–－]+|-(?!\s*\d)|[-−]?\d{1,3}(?:\s*,\s*\d{3})+(?:\s*\.\s*\d+)?\s*%?|[-−]?\d+(?:\s*\.\s*\d+)?\s*%?/g;

export function isBudgetHeader(text: string): boolean {
  return /资金来源/.test(text) && /年初预算/.test(text) && /(完成率|执行率|实际支出|执行数)/.test(text);
}

/** The columns in the order the header names them; each header word may only be claimed once. */
export function columnsOf(header: string): Column[] {
  const found: Array<{ at: number; column: Column }> = [];
  // Split on white space: each header cell is one word (`整体支出预算调整数`), so 调整数 and 调整率 cannot clash.
  const cells = header.split(/\s+/).filter(Boolean);
  cells.forEach((cell, at) => {
    for (const [column, words] of COLUMN_WORDS) {
      if (column === 'adjustment' && /调整率/.test(cell)) continue;
      if (words.test(cell) && !found.some((f) => f.column === column)) {
        found.push({ at, column });
        break;
      }
    }
  });
  return found.sort((a, b) => a.at - b.at).map((f) => f.column);
}

/**
 * Reads the rows between the header and the next section. `headerIndex` is the header line; rows are the following
 * lines that start with a source name and carry figures.
 */
export function readBudgetRows(lines: readonly Line[], headerIndex: number, endIndex: number, problems: ProblemList): BudgetRow[] {
  const header = lines[headerIndex];
  if (!header) return [];
  const columns = columnsOf(header.text);
  const rows: BudgetRow[] = [];
  for (let i = headerIndex + 1; i < endIndex; i++) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    // The source name is everything before the first figure (a name wrapped with a space inside still counts).
    const first = /(^|\s)[-−—–－\d]/.exec(line.text);
    if (!first) continue;
    const source = cleanCell(line.text.slice(0, first.index));
    const rest = line.text.slice(first.index);
    if (!source || !hasCjk(source) || !/\d/.test(rest)) continue;
    rows.push(readRow(source, rest, columns, line, problems));
  }
  if (rows.length === 0) {
    problems.warning('budget-rows-missing', '部门资金情况表头之后没有读到资金来源行（合计、一般公共预算……）', { line: header.no, field: '部门资金情况' });
  }
  return rows;
}

function readRow(source: string, rest: string, columns: readonly Column[], line: Line, problems: ProblemList): BudgetRow {
  const row: BudgetRow = { source, initial: null, adjustment: null, adjusted: null, spent: null, statedExecutionRate: null, statedAdjustmentRate: null };
  const tokens = [...rest.matchAll(TOKEN)].map((t) => t[0]);
  const leftover = rest.replace(TOKEN, '').trim();
  const values = tokens.map((t) => ({ isRate: t.includes('%'), value: /\d/.test(t) ? parseLooseNumber(t.replace('%', '')) : null }));
  if (leftover !== '') {
    problems.warning('budget-row-unreadable', `「${source}」行有无法识别的内容「${leftover}」，该行的数字未读取，请核对`, { line: line.no, field: `${source}` });
    return row;
  }
  if (values.length === columns.length) {
    columns.forEach((column, i) => {
      row[column] = values[i]?.value ?? null;
    });
    return row;
  }
  // Not one figure per column: a cell may be blank. Only when the amounts and the rates each fill their own
  // columns exactly can they still be placed without guessing.
  const amountColumns = columns.filter((c) => !RATE_COLUMNS.includes(c));
  const rateColumns = columns.filter((c) => RATE_COLUMNS.includes(c));
  const amounts = values.filter((v) => !v.isRate);
  const rates = values.filter((v) => v.isRate);
  if (amounts.length === amountColumns.length) amountColumns.forEach((c, i) => (row[c] = amounts[i]?.value ?? null));
  if (rates.length === rateColumns.length) rateColumns.forEach((c, i) => (row[c] = rates[i]?.value ?? null));
  if (amounts.length !== amountColumns.length || rates.length !== rateColumns.length) {
    problems.warning(
      'budget-row-incomplete',
      `「${source}」行有 ${values.length} 个数字，表头有 ${columns.length} 列，无法确定对应关系；未能对应的数字没有读取，请核对`,
      { line: line.no, field: source },
    );
  }
  return row;
}

/** The department's budget: the 合计 (or 总计) row's figures, with every row as printed in `bySource`. */
export function budgetFromRows(rows: BudgetRow[]): Budget {
  const total = rows.find((r) => /^(合计|总计)$/.test(r.source)) ?? (rows.length === 1 ? rows[0] : undefined);
  return {
    initial: total?.initial ?? null,
    adjustment: total?.adjustment ?? null,
    adjusted: total?.adjusted ?? null,
    spent: total?.spent ?? null,
    bySource: rows,
  };
}
