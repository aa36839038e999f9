/**
 * Prose of an extracted self-evaluation report. The PDF renderer wrapped every paragraph at the page width and text
 * extraction put a blank line after each wrapped line, so blank lines say nothing about paragraphs: headings and
 * enumerators (`（一）`, `1.`, `二、`) do. Page numbers (`3`, `第 21 页 共 33 页`) sit alone on their lines.
 */
import { cleanCell, compactCjk } from '@jixiao/core';
import type { Line } from '../../text/lines';

/** `一、基本情况`: a top-level heading. */
export const TOP_HEADING = /^[一二三四五六七八九十]+\s*、/;
/** `（二）部门整体收支情况`, `2、部门整体资金情况`, `1.部门整体绩效目标`: any numbered heading or item. */
export const SUB_HEADING = /^[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|^\d+\s*[、.．](?!\d)/;

export function isPageNoise(text: string): boolean {
  return /^\d{1,3}$/.test(text) || /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/.test(text) || /^[-—–]\s*\d+\s*[-—–]$/.test(text);
}

/** The non-blank lines between two indexes, page numbers left out. */
export function contentLines(lines: readonly Line[], from: number, to: number): Line[] {
  return lines.slice(Math.max(0, from), Math.max(0, to)).filter((l) => l.text !== '' && !isPageNoise(l.text));
}

/**
 * A section's text: wrapped lines joined, a new paragraph (`\n`) at each enumerator (`（一）`, `1.`, `一是` is kept
 * inside its paragraph). Null when there is nothing.
 */
export function sectionText(lines: readonly Line[]): string | null {
  const paragraphs: string[][] = [];
  for (const line of lines) {
    if (paragraphs.length === 0 || SUB_HEADING.test(line.text)) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]?.push(line.text);
  }
  const out = paragraphs.map((p) => cleanCell(p.join('\n'))).filter((p): p is string => p !== null);
  return out.length ? out.join('\n') : null;
}

/** The lines joined as one string (extraction spaces removed), with the line each character came from. */
export interface JoinedText {
  text: string;
  lineAt(index: number): number | undefined;
}

export function joinLines(lines: readonly Line[]): JoinedText {
  let text = '';
  const starts: Array<{ at: number; no: number }> = [];
  for (const line of lines) {
    starts.push({ at: text.length, no: line.no });
    text += compactCjk(line.text.replace(/\s+/g, ' ').trim());
  }
  return {
    text,
    lineAt(index) {
      let no: number | undefined;
      for (const s of starts) {
        if (s.at > index) break;
        no = s.no;
      }
      return no;
    },
  };
}

/** Index of the first line at or after `from` whose text (spaces removed) matches; -1 when none. */
export function findHeading(lines: readonly Line[], pattern: RegExp, from = 0, to = lines.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const text = lines[i]?.text.replace(/\s+/g, '') ?? '';
    if (text !== '' && text.length <= 40 && pattern.test(text)) return i;
  }
  return -1;
}

/** The end of a section that starts at `at`: the next line matching `next`, or `limit`. */
export function sectionEnd(lines: readonly Line[], at: number, next: RegExp, limit = lines.length): number {
  for (let i = at + 1; i < Math.min(limit, lines.length); i++) {
    const text = lines[i]?.text.replace(/\s+/g, '') ?? '';
    if (text !== '' && next.test(text)) return i;
  }
  return Math.min(limit, lines.length);
}

/** Drops a closing signature: a date line (`2024 年 5 月 29 日`) and the issuing office right above it. */
export function withoutSignature(lines: Line[]): Line[] {
  const out = [...lines];
  const last = out[out.length - 1];
  if (last && /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(last.text)) {
    out.pop();
    const office = out[out.length - 1];
    if (office && !/[，。；,;]/.test(office.text) && /(办事处|街道|人民政府|局|委员会|中心)$/.test(office.text)) out.pop();
  }
  return out;
}
