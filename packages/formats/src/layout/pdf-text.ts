/**
 * Text items of a PDF page (pdfjs `getTextContent()`, flattened to position and size) into lines and paragraphs.
 * Lines are clustered by baseline; inside a line items join left to right, with a space only where there is a gap
 * and the text on either side is not CJK; wrapped lines join without a space between CJK characters (a wrap is not
 * a word break). Kangxi radicals, which some exporters emit for look-alike hanzi (⼀ for 一), are mapped through NFKC,
 * that range only, so that full-width punctuation and the like stay as written.
 */
import type { Box } from './model';

export interface TextItem {
  str: string;
  /** Baseline start, page user space. */
  x: number;
  y: number;
  /** Advance width. */
  w: number;
  /** Font size (points). */
  size: number;
}

export interface Line {
  items: TextItem[];
  text: string;
  y: number;
  size: number;
  box: Box;
}

const KANGXI = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;

export function normalizeKangxi(s: string): string {
  return s.replace(KANGXI, (ch) => ch.normalize('NFKC'));
}

// Han, kana, hangul, CJK punctuation and full-width forms: no space is put between them and their neighbours.
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Joins two pieces of text: nothing between CJK and anything, else `sep`. */
export function joinPieces(a: string, b: string, sep: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a.at(-1);
  const first = b[0];
  if (isCjk(last) || isCjk(first) || /\s$/.test(a) || /^\s/.test(b)) return a + b;
  return a + sep + b;
}

/**
 * Joins wrapped lines: a space only between two Latin letters (a wrapped English phrase); a number or code cut by
 * the cell's width (`8,827,620.5` / `3`, `820001` / `-井研县…`) is put back together.
 */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** The centre of an item, for deciding which cell holds it (glyphs sit above the baseline). */
export function itemCentre(item: TextItem): [number, number] {
  return [item.x + item.w / 2, item.y + item.size * 0.35];
}

/** Clusters items into lines, top to bottom, each left to right. */
export function groupLines(items: readonly TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').toSorted((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  let current: TextItem[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    const tolerance = Math.max(1, item.size * 0.5);
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
    } else {
      if (current.length > 0) lines.push(current);
      current = [item];
      baseline = item.y;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines.map(toLine);
}

function toLine(items: TextItem[]): Line {
  const row = items.toSorted((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const item of row) {
    const gap = item.x - end;
    text = gap > item.size * 0.2 ? joinPieces(text, item.str, ' ') : text + item.str;
    end = Math.max(end, item.x + item.w);
  }
  const size = Math.max(...row.map((i) => i.size));
  return {
    items: row,
    text: normalizeKangxi(text.trim()),
    y: row[0]?.y ?? 0,
    size,
    box: { x0: Math.min(...row.map((i) => i.x)), x1: end, y0: Math.min(...row.map((i) => i.y)), y1: Math.max(...row.map((i) => i.y + i.size)) },
  };
}

/** The text of items inside one cell: lines top to bottom, wrapped lines joined (no space between CJK). */
export function cellText(items: readonly TextItem[]): string {
  let text = '';
  for (const line of groupLines(items)) text = joinWrapped(text, line.text);
  return text;
}

/**
 * Paragraphs from lines outside tables: a new paragraph where the gap to the previous line is clearly larger than
 * the line spacing, or the font size changes (a title above body text).
 */
export function groupParagraphs(lines: readonly Line[]): Array<{ text: string; box: Box; y: number }> {
  const out: Array<{ text: string; box: Box; y: number }> = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const last = out.at(-1);
    const gap = prev ? prev.y - line.y : Number.POSITIVE_INFINITY;
    const sameSize = prev !== undefined && Math.abs(prev.size - line.size) <= 0.2 * Math.max(prev.size, line.size);
    if (last && prev && sameSize && gap <= line.size * 1.6) {
      last.text = joinWrapped(last.text, line.text);
      last.box = { x0: Math.min(last.box.x0, line.box.x0), x1: Math.max(last.box.x1, line.box.x1), y0: line.box.y0, y1: last.box.y1 };
    } else {
      out.push({ text: line.text, box: line.box, y: line.y });
    }
    prev = line;
  }
  return out;
}
