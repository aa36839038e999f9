/**
 * Finds a table's header in a sheet by the titles it knows: one header row, or two when a title spans columns
 * over a second row of titles (资金来源 over 财政拨款 / 财政专户 / 其他资金; 项目名称 merged down over both rows).
 * Merged cells read as their master's value, so a spanning title is seen above each of its columns.
 */
import type { AmountUnit } from '@jixiao/core';
import { unitInTitle } from './columns';
import type { Grid } from './grid';

export interface HeaderMatch<F extends string> {
  /** First header row (1-based). */
  row: number;
  /** 1 or 2 header rows. */
  depth: 1 | 2;
  /** First row after the header. */
  dataStart: number;
  /** Field → 1-based column (the first column that names it). */
  columns: Map<F, number>;
  /** The amount unit named in brackets by an amount title, e.g. `金额(万元)`. */
  unitInHeader: AmountUnit | null;
}

export interface HeaderSpec<F extends string> {
  fieldOf(title: string): F | undefined;
  /** Fields that must all be present. */
  required: readonly F[];
  /** At least this many distinct fields. */
  minFields: number;
  /** Fields whose titles may carry the amount unit. */
  amountFields?: readonly F[];
  /** How many rows from the top to search (default 30). */
  scanRows?: number;
}

export function findHeader<F extends string>(grid: Grid, spec: HeaderSpec<F>, from = 1): HeaderMatch<F> | null {
  let best: HeaderMatch<F> | null = null;
  const last = Math.min(grid.rowCount, from + (spec.scanRows ?? 30) - 1);
  for (let r = from; r <= last; r++) {
    for (const depth of [1, 2] as const) {
      if (depth === 2 && r + 1 > grid.rowCount) continue;
      const match = mapRow(grid, spec, r, depth);
      if (!match) continue;
      if (!best || match.columns.size > best.columns.size) best = match;
    }
    // The header is the first row that qualifies; the next row may only extend it to two rows.
    if (best) break;
  }
  return best;
}

function mapRow<F extends string>(grid: Grid, spec: HeaderSpec<F>, r: number, depth: 1 | 2): HeaderMatch<F> | null {
  const columns = new Map<F, number>();
  const titles = new Map<F, string>();
  let fromSecondRow = 0;
  let fromTopRow = 0;
  for (let c = 1; c <= grid.colCount; c++) {
    const top = grid.text(r, c);
    const bottom = depth === 2 ? grid.text(r + 1, c) : '';
    const candidates = depth === 2 && bottom && bottom !== top ? [bottom, top + bottom, top] : [top];
    for (const title of candidates) {
      const field = title ? spec.fieldOf(title) : undefined;
      if (field && !columns.has(field)) {
        columns.set(field, c);
        titles.set(field, title);
        if (title === top) fromTopRow++;
        else fromSecondRow++;
        break;
      }
    }
  }
  // A second header row must add titles, and the first must hold some itself (not be a title spanning the table).
  if (depth === 2 && (fromSecondRow === 0 || fromTopRow === 0)) return null;
  if (columns.size < spec.minFields || spec.required.some((f) => !columns.has(f))) return null;
  let unitInHeader: AmountUnit | null = null;
  for (const f of spec.amountFields ?? []) {
    const c = columns.get(f);
    if (c === undefined) continue;
    unitInHeader ??= unitInTitle(titles.get(f) ?? '') ?? unitInTitle(grid.text(r, c)) ?? (depth === 2 ? unitInTitle(grid.text(r + 1, c)) : null);
  }
  return { row: r, depth, dataStart: r + depth, columns, unitInHeader };
}

/** The text above a header (title, 部门名称, 单位：万元 notes), row by row. */
export function notesAbove(grid: Grid, headerRow: number): string[] {
  const lines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const cells: string[] = [];
    let prev = '';
    for (let c = 1; c <= grid.colCount; c++) {
      const t = grid.text(r, c);
      if (t && t !== prev) cells.push(t);
      prev = t;
    }
    if (cells.length) lines.push(cells.join(' '));
  }
  return lines;
}

/** The amount unit a note states: `单位：元`, `金额单位：万元`, `（单位：万元）`, or `金额单位 | 万元` in two cells. */
export function unitInNotes(lines: readonly string[]): AmountUnit | null {
  for (const line of lines) {
    const m = /(?:金额)?单位(?:\s*[:：]\s*|\s+)(万元|元)(?![\u4e00-\u9fff])/.exec(line);
    if (m) return m[1] as AmountUnit;
  }
  return null;
}

/** 部门名称:… / 部门：… / `部门 | …` in two cells, in the notes above a table. */
export function departmentInNotes(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /(?:主管)?部门(?:名称)?(?:\s*[:：]\s*|\s+)([^\s:：]+)/.exec(line);
    if (m?.[1] && !/^(年度|金额单位|单位)$/.test(m[1])) return m[1];
  }
  return null;
}

/** A year in a title or note: `2024年`, `（2024年度）`, `年度：2024`, `年度 | 2024`. */
export function yearInNotes(lines: readonly string[]): number | null {
  for (const line of lines) {
    const m = /年度(?:\s*[:：]\s*|\s+)(\d{4})(?!\d)/.exec(line) ?? /(20\d{2})\s*年/.exec(line);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}
