/**
 * Lines of an extracted self-evaluation table, numbered as in the file. The table's cells were wrapped by the PDF
 * renderer at their column's width, and text extraction keeps no column positions, so the only trace of which
 * column a line came from is how wide it is: that is why the readers here measure lines in display width.
 */
import { cleanCell, normalizeExtractedText } from '@jixiao/core';

export interface Line {
  /** 1-based line number in the file, for problem locations. */
  no: number;
  /** The line trimmed; empty for a blank line. */
  text: string;
}

export function toLines(text: string): Line[] {
  return normalizeExtractedText(text)
    .split('\n')
    .map((raw, i) => ({ no: i + 1, text: raw.trim() }));
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/;

/**
 * Display width without spaces: a Chinese character or full-width mark counts 2, anything else 1. A full cell line of
 * the 关键指标 column is 22 wide, the 指标完成情况 column at most 10, so width tells the columns apart.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    w += WIDE.test(ch) ? 2 : 1;
  }
  return w;
}

/** Index of the first line at or after `from` (and before `to`) whose text matches. */
export function findLine(lines: readonly Line[], pattern: RegExp, from = 0, to = lines.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    if (pattern.test(lines[i]?.text ?? '')) return i;
  }
  return -1;
}

/** Runs of non-blank lines between `from` and `to`, in order (a blank line ends a run). */
export function paragraphs(lines: readonly Line[], from: number, to: number): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.text === '') {
      if (current.length) out.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** The lines joined as one cell (wraps removed, extraction spaces dropped); null when empty. */
export function joinCell(lines: readonly Line[]): string | null {
  return cleanCell(lines.map((l) => l.text).join('\n'));
}
