/**
 * Reading typed values out of cells: amounts (numbers, or numbers stored as text such as `"1,234.50"`), names
 * (cleaned of stray spaces and line breaks) and free text. A cell that should be a number and is not becomes a
 * problem at its location; the value is left null, never guessed.
 */
import { cleanCell, parseLooseNumber, type ProblemList } from '@jixiao/core';
import { colLetter, textOf, type Plain } from './grid';

export interface CellRef {
  file: string;
  sheet: string;
  row: number;
  col: number;
}

const EMPTY_AMOUNT = /^[-—–－/\\]*$|^无$/;

/** An amount cell: a number, a number written as text (`1,234.50`, `3, 986. 34`, `￥12.00`), or empty. */
export function readAmount(v: Plain, where: CellRef, label: string, problems: ProblemList): number | null {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  const t = v.trim().replace(/^[¥￥]\s*/, '');
  if (EMPTY_AMOUNT.test(t)) return null;
  const n = parseLooseNumber(t);
  if (n != null) return n;
  problems.error('bad-amount', `${label}「${truncate(v.trim())}」不是数字，已按空值读取：请填写数字金额`, locate(where));
  return null;
}

/** A whole number (序号, 年度), or null; a non-number is reported. */
export function readInteger(v: Plain, where: CellRef, label: string, problems: ProblemList): number | null {
  if (v == null || textOf(v) === '') return null;
  const n = typeof v === 'number' ? v : parseLooseNumber(v.replace(/年$/, ''));
  if (n != null && Number.isInteger(n)) return n;
  problems.warning('bad-number', `${label}「${truncate(textOf(v))}」不是整数，已忽略`, locate(where));
  return null;
}

/** Characters that `cleanCell` would change; text without any of them is already clean (the common case, and fast). */
const NEEDS_CLEANING = /[\s\u00a0\u2002-\u200d\u2e80-\u2eff\u2f00-\u2fdf\u3000\ufeff]/;

/** A name or short text: cleaned of stray spaces and line breaks (`cleanCell`), null when empty. */
export function cleanName(text: string | null | undefined): string | null {
  if (text == null || text === '') return null;
  return NEEDS_CLEANING.test(text) ? cleanCell(text) : text;
}

/** A name cell: cleaned of extraction noise, null when empty. */
export function readName(v: Plain): string | null {
  return v == null ? null : cleanName(textOf(v));
}

/** Free text (goal, description, explanation): line ends normalised and trimmed, null when empty. */
export function readText(v: Plain): string | null {
  if (v == null) return null;
  const t = textOf(v).replace(/\r\n?/g, '\n').trim();
  return t === '' ? null : t;
}

export function locate(where: CellRef): { file: string; sheet: string; row: number; column: string } {
  return { file: where.file, sheet: where.sheet, row: where.row, column: colLetter(where.col) };
}

export function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
