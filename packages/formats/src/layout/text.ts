/**
 * Extracted text (what people paste from a PDF or a web page, or save as .txt) into the Layout, for the documents no
 * seed layout reads. Three shapes are seen in the wild (templates.md §9, samples S01–S16):
 * - pipe tables (`| a | b |`, an HTML table copied as Markdown), one row per line;
 * - a table flattened to one cell per line (`a |`) or one cell per paragraph (cells between blank lines, an empty
 *   cell as a lone space): the rows are lost, so the table is marked `stream`;
 * - plain lines, where cells are separated by spaces or run together (the recogniser splits them by vocabulary).
 * Nothing domain-specific happens here.
 */
import type { Block, Cell, Layout, Table } from './model';

/** The two header lines the collected samples carry (`SOURCE: … | TITLE: …`, `NOTE: …`) are not document text. */
function dropCollectorHeader(lines: string[]): string[] {
  if (lines[0]?.startsWith('SOURCE: ') && lines[1]?.startsWith('NOTE: ')) return lines.slice(2);
  return lines;
}

export function textToLayout(text: string): Layout {
  const lines = dropCollectorHeader(text.replace(/\r\n?/g, '\n').split('\n'));
  const blank = lines.filter((l) => l.trim() === '' && l.length === 0).length;
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const blocks: Block[] = [];
  // Paragraph mode: most cells are separated by empty lines (an HTML table flattened to paragraphs).
  if (nonBlank > 20 && blank >= nonBlank * 0.6 && !lines.some((l) => (l.match(/\|/g)?.length ?? 0) >= 2)) {
    blocks.push(paragraphCells(lines));
    return { blocks, source: 'text' };
  }
  let pipeRun: string[][] = [];
  let tabRun: string[][] = [];
  const flush = () => {
    if (pipeRun.length > 0) blocks.push(pipeTable(pipeRun));
    if (tabRun.length > 0) blocks.push(tabTable(tabRun));
    pipeRun = [];
    tabRun = [];
  };
  for (const line of lines) {
    if (line.includes('|')) {
      if (tabRun.length > 0) flush();
      pipeRun.push(splitPipes(line));
      continue;
    }
    if (line.includes('\t')) {
      if (pipeRun.length > 0) flush();
      tabRun.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    flush();
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  flush();
  return { blocks, source: 'text' };
}

function splitPipes(line: string): string[] {
  let parts = line.split('|').map((p) => p.trim());
  if (parts[0] === '') parts = parts.slice(1);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts = parts.slice(0, -1);
  // `a | b | | |`: trailing empty cells carry nothing (a merged row's lost cells); a lone `|` is one empty cell.
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 0 ? [''] : parts;
}

function pipeTable(rows: string[][]): Table {
  const single = rows.filter((r) => r.length <= 1).length;
  const stream = single >= rows.length * 0.8;
  const cells: Cell[][] = rows.map((r, row) => r.map((text, col) => ({ text, row, col, rowSpan: 1, colSpan: 1 })));
  return stream ? { kind: 'table', rows: cells, stream: true } : { kind: 'table', rows: cells, unaligned: true };
}

/**
 * Rows copied from Excel or Word (cells separated by tabs): a merged cell leaves its covered cells empty, so the
 * columns line up and each cell keeps its column.
 */
function tabTable(rows: string[][]): Table {
  return { kind: 'table', rows: rows.map((r, row) => r.map((text, col) => ({ text, row, col, rowSpan: 1, colSpan: 1 }))) };
}

/** Cells between empty lines; a line of spaces only is an empty cell; a cell may wrap over several lines. */
function paragraphCells(lines: string[]): Table {
  const texts: string[] = [];
  let current: string[] = [];
  let sawSpaceOnly = false;
  const flush = () => {
    if (current.length > 0) texts.push(current.join('\n'));
    else if (sawSpaceOnly) texts.push('');
    current = [];
    sawSpaceOnly = false;
  };
  for (const line of lines) {
    if (line.length === 0) {
      flush();
      continue;
    }
    if (line.trim() === '') {
      // A lone space is an empty cell of its own.
      flush();
      texts.push('');
      continue;
    }
    current.push(line.trim());
  }
  flush();
  return { kind: 'table', stream: true, rows: texts.map((text, row) => [{ text, row, col: 0, rowSpan: 1, colSpan: 1 }]) };
}
