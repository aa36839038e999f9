/**
 * Lines and table cells of seed 000's extracted text. The PDF extraction wraps every table cell over several lines
 * and puts a blank line between wrapped lines, but it ends the last line of each cell with a space: that trailing
 * space is the only reliable cell boundary, so cells are built by joining lines until one ends in white space.
 * Lines that start with a space begin a new PDF page (headers repeated there are dropped by the callers).
 */
import { cleanCell, normalizeExtractedText } from '@jixiao/core';

export interface Line {
  /** 1-based line number in the file, for problem locations. */
  no: number;
  /** The line as extracted (line end removed, extraction spaces kept: they mark cell ends). */
  raw: string;
  /** The line without any white space, for matching headings. */
  compact: string;
}

export interface Cell {
  /** The cell's lines joined with `\n`, each trimmed; spaces inside a line kept (`4 出租屋登记率`). */
  raw: string;
  /** First line of the cell. */
  line: number;
}

export function toLines(text: string): Line[] {
  return normalizeExtractedText(text)
    .split('\n')
    .map((raw, i) => ({ no: i + 1, raw, compact: raw.replace(/\s+/g, '') }));
}

/** Removes every white space character: headings and labels are matched on this. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Page numbers (`- 28`) and other lines that are not content. */
function isNoise(line: Line): boolean {
  return line.compact === '' || (/^-?\d{1,3}-?$/.test(line.compact) && /^\s*-/.test(line.raw));
}

/** Cells of lines [from, to): consecutive non-empty lines up to and including one that ends in white space. */
export function splitCells(lines: readonly Line[], from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let parts: string[] = [];
  let first = 0;
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i]!;
    if (isNoise(line)) continue;
    if (parts.length === 0) first = line.no;
    parts.push(line.raw.trim());
    if (/\s$/.test(line.raw)) {
      cells.push({ raw: parts.join('\n'), line: first });
      parts = [];
    }
  }
  if (parts.length > 0) cells.push({ raw: parts.join('\n'), line: first });
  return cells;
}

/** The cell's text with extraction noise removed (wrapped lines joined, no spaces between Chinese characters). */
export function cellText(cell: Cell | string | undefined): string | null {
  if (cell === undefined) return null;
  return cleanCell(typeof cell === 'string' ? cell : cell.raw);
}

/** Index of the first line in [from, to) whose compact text matches, or -1. */
export function findLine(lines: readonly Line[], pattern: RegExp, from = 0, to = lines.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) if (pattern.test(lines[i]!.compact)) return i;
  return -1;
}

/** The prose of lines [from, to) as one cleaned text (paragraph wraps joined). */
export function proseOf(lines: readonly Line[], from: number, to: number): string | null {
  if (from < 0 || to <= from) return null;
  return cleanCell(
    lines
      .slice(from, to)
      .filter((l) => !isNoise(l))
      .map((l) => l.raw)
      .join('\n'),
  );
}

/** A number as printed in a cell (`3,282.53`, `50.00`, `0`), or null when the cell is not exactly a number. */
export function cellNumber(text: string | null): number | null {
  if (text == null) return null;
  const t = compact(text);
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}
