/**
 * Any .xlsx as a Layout: every worksheet one Table (its name on it), `<mergeCells>` → rowSpan/colSpan, the title
 * rows above the grid → Paragraphs. The workbook goes through the same guard and part readers as the template
 * reader (workbook-guard.ts: zip sizes, bombs, encryption, sheet/row/cell counts; sheet-xml.ts: shared strings,
 * inline strings, dates, merges, the 1024-column / 4M-cell range limit), so no new parsing of untrusted zips here.
 *
 * What a cell says is kept as the file says it: text as text (a number typed as text stays "001"), a number as
 * the digits of its `<v>` (never re-formatted through a float: `0.30000000000000004` stays what Excel stored, and
 * `8827620.53` is not turned into anything the file does not hold), a date-formatted number as `YYYY-MM-DD`, a
 * boolean as TRUE/FALSE and an error as its code (`#DIV/0!`), so a recogniser sees what a person sees in the cell.
 *
 * Title rows: before the grid, a row whose only text is one cell (merged across the width, or typed in column A,
 * as LibreOffice writes a paragraph above an HTML table) is a paragraph, like the same form saved as .docx; the
 * first row with two cells starts the table. Empty rows before the grid and empty trailing rows and columns are
 * dropped; empty rows inside the grid are kept (positions matter). A sheet with no text is left out.
 */
import { readError, type ReadError } from '../errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits';
import type { Grid } from '../xlsx/grid';
import { decodeXml, readWorkbookParts, SheetRangeError, type WorkbookParts } from '../xlsx/sheet-xml';
import { guardWorkbook } from '../xlsx/workbook-guard';
import type { Block, Cell, Table } from './model';
import type { LayoutResult } from './result';

export function readXlsxLayout(bytes: Uint8Array, fileName = 'workbook.xlsx', limits: ReadLimits = DEFAULT_LIMITS): LayoutResult {
  const guard = guardWorkbook(fileName, bytes, limits);
  if (!guard.ok) return guard;
  let grids: Grid[];
  try {
    grids = readWorkbookParts(guard.parts, {
      maxRowsPerSheet: limits.maxRowsPerSheet,
      maxColumnsPerSheet: limits.maxColumnsPerSheet,
      maxSheetArea: limits.maxSheetArea,
      maxMergedCells: limits.maxWorkbookCells,
    }).grids;
  } catch (e) {
    if (e instanceof SheetRangeError) return fail(readError('unsafe-workbook', fileName, e.zh, e.message));
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '').slice(0, 120) : String(e);
    return fail(readError('invalid-workbook', fileName, '文件已损坏或不是 Excel 生成的 .xlsx，无法读取：请在 Excel 中打开并重新另存为 .xlsx', `cannot parse the workbook: ${detail}`));
  }
  try {
    const pathOf = new Map(guard.sheets.map((s) => [s.name, s.path]));
    const blocks: Block[] = [];
    for (const grid of grids) blocks.push(...sheetBlocks(grid, rawCellTexts(guard.parts, pathOf.get(grid.name))));
    return { ok: true, layout: { source: 'xlsx', blocks } };
  } catch (e) {
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '').slice(0, 120) : String(e);
    return fail(readError('invalid-workbook', fileName, '读取工作簿时出错：请在 Excel 中打开并重新另存为 .xlsx', `failed to lay out the workbook: ${detail}`));
  }
}

function fail(error: ReadError): LayoutResult {
  return { ok: false, error };
}

const KEY = 16_385;

/**
 * The cells whose text the grid would change: numbers (their `<v>` as written), booleans and errors (which the
 * grid reads as empty). Keyed `row * KEY + col`, 1-based like the grid. Date-formatted numbers are left to the grid
 * (it turns them into `YYYY-MM-DD` through styles.xml), so the caller only uses these where the grid has a number.
 */
function rawCellTexts(parts: WorkbookParts, path: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  const xml = path ? parts.get(path) : undefined;
  if (!xml) return out;
  // One forward pass: find each <c> open tag, then its close with indexOf, and go on after it, so the text is read
  // once whatever the cells hold (`[^<>]` keeps a damaged tag from running on).
  const openRe = /<(\w+:)?c\b([^<>]*)>/g;
  for (let m = openRe.exec(xml); m; m = openRe.exec(xml)) {
    const attrs = m[2] ?? '';
    if (attrs.endsWith('/')) continue;
    const start = m.index + m[0].length;
    const close = xml.indexOf(`</${m[1] ?? ''}c>`, start);
    if (close < 0) break;
    openRe.lastIndex = close;
    const inner = xml.slice(start, close);
    const type = /\bt\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? 'n';
    if (type !== 'n' && type !== 'b' && type !== 'e') continue;
    const ref = /\br\s*=\s*"\$?([A-Za-z]{1,3})\$?(\d+)"/.exec(attrs);
    const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(inner)?.[1];
    if (!ref || v === undefined) continue;
    let col = 0;
    for (const ch of (ref[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const text = decodeXml(v).trim();
    out.set(Number(ref[2]) * KEY + col, type === 'b' ? (text === '1' || text === 'true' ? 'TRUE' : 'FALSE') : text);
  }
  return out;
}

/** A sheet's title paragraphs and its table. */
function sheetBlocks(grid: Grid, raw: Map<number, string>): Block[] {
  const text = (r: number, c: number): string => {
    const v = grid.value(r, c);
    if (typeof v === 'number' || v === null) {
      // Through the merge master, like the grid's value.
      const master = originOf(grid, r, c);
      const written = raw.get(master.row * KEY + master.col);
      if (written !== undefined && (v !== null || written.startsWith('#') || written === 'TRUE' || written === 'FALSE')) return written;
    }
    return grid.text(r, c);
  };

  // Owner cells with their spans, over the used range (1-based grid coordinates).
  const height = grid.rowCount;
  const width = grid.colCount;
  let lastRow = 0;
  let lastCol = 0;
  const owners: Array<{ r: number; c: number; rowSpan: number; colSpan: number; text: string }> = [];
  for (let r = 1; r <= height; r++) {
    for (let c = 1; c <= width; c++) {
      const origin = grid.origin(r, c);
      const self = originOf(grid, r, c);
      if (self.row !== r || self.col !== c) continue;
      let colSpan = 1;
      while (c + colSpan <= width && grid.origin(r, c + colSpan) === origin) colSpan++;
      let rowSpan = 1;
      while (r + rowSpan <= height && grid.origin(r + rowSpan, c) === origin) rowSpan++;
      const t = text(r, c);
      owners.push({ r, c, rowSpan, colSpan, text: t });
      if (t !== '' || rowSpan > 1 || colSpan > 1) {
        lastRow = Math.max(lastRow, r + rowSpan - 1);
        lastCol = Math.max(lastCol, c + colSpan - 1);
      }
    }
  }
  if (lastRow === 0) return [];

  // Title rows: leading rows with one cell of text and nothing else, before the first row with two.
  const byRow = new Map<number, typeof owners>();
  for (const o of owners) {
    if (o.r > lastRow || o.c > lastCol) continue;
    let list = byRow.get(o.r);
    if (!list) byRow.set(o.r, (list = []));
    list.push(o);
  }
  const blocks: Block[] = [];
  let first = 1;
  for (; first <= lastRow; first++) {
    const cells = byRow.get(first) ?? [];
    const filled = cells.filter((o) => o.text !== '');
    const merged = cells.filter((o) => o.rowSpan > 1 || o.colSpan > 1);
    if (filled.length === 0 && merged.length === 0) continue; // an empty row before the grid
    const only = filled[0];
    if (filled.length !== 1 || !only) break;
    // A merged cell other than the title itself (a header merged down from this row) means the grid has begun.
    if (merged.some((o) => o !== only)) break;
    // The title's rows are used up by it; a title merged down over two rows must not leave half a row behind.
    if (only.r + only.rowSpan - 1 > first) {
      const inside = owners.some((o) => o !== only && o.r > first && o.r < only.r + only.rowSpan && o.text !== '');
      if (inside) break;
      first = only.r + only.rowSpan - 1;
    }
    blocks.push({ kind: 'paragraph', text: only.text });
  }
  if (first > lastRow) return blocks;

  const rows: Cell[][] = [];
  for (let r = first; r <= lastRow; r++) {
    const row: Cell[] = [];
    for (const o of byRow.get(r) ?? []) {
      row.push({
        text: o.text,
        rowSpan: Math.min(o.rowSpan, lastRow - r + 1),
        colSpan: Math.min(o.colSpan, lastCol - o.c + 1),
        row: r - first,
        col: o.c - 1,
      });
    }
    rows.push(row);
  }
  const table: Table = { kind: 'table', rows, sheet: grid.name };
  blocks.push(table);
  return blocks;
}

/** The grid's merge master of (r, c) as numbers (the grid gives it as an A1 address). */
function originOf(grid: Grid, r: number, c: number): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(grid.origin(r, c));
  if (!m) return { row: r, col: c };
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
