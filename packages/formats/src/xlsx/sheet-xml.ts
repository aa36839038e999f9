/**
 * Builds `Grid`s straight from an .xlsx's XML parts (already inflated by the guard), without exceljs's in-memory
 * model: the sheet list (xl/workbook.xml + its rels), shared strings (rich-text runs joined, phonetic runs
 * skipped), the number formats of styles.xml (to turn date-formatted numbers into `YYYY-MM-DD`), and each
 * sheet's `<sheetData>` and `<mergeCells>`. Values match what `gridOf` gives for the same workbook loaded by
 * exceljs, except error cells (`#N/A`, `#DIV/0!`…), which read as empty. A hand-written scanner: every regex
 * moves forward through the text, so reading is linear in the size of the parts.
 */
import { colLetter, textOf, type Grid, type Plain } from './grid';

/** The inflated XML parts of a workbook, by path inside the zip (`xl/workbook.xml`, …). */
export type WorkbookParts = ReadonlyMap<string, string>;

export interface SheetRef {
  name: string;
  /** Path of its part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface SheetLimits {
  /** Highest row number a sheet may use. */
  maxRowsPerSheet: number;
  /** Highest column a sheet may use. */
  maxColumnsPerSheet: number;
  /** Most cells in a sheet's used range (rows × used columns): the grid the readers walk. */
  maxSheetArea: number;
  /** Most cells that merged ranges may cover, all sheets together. */
  maxMergedCells: number;
}

export interface ParsedWorkbook {
  grids: Grid[];
  /** The workbook's keywords (docProps/core.xml), '' when none. */
  keywords: string;
}

/**
 * A sheet whose used range is larger than the readers walk in reasonable time (a cell in column XFD under 100,000
 * rows): refused with the sheet, the cell that stretches the range and the limits, in Chinese.
 */
export class SheetRangeError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly zh: string,
  ) {
    super(`sheet "${sheet}" uses cells up to ${cell}, beyond the readable range`);
  }
}

const MAX_COL = 16_384;
const KEY = MAX_COL + 1;

// ---------------------------------------------------------------------------------------------------------------
// XML text

const ENTITY_RE = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  return n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
}

/** Decodes the five named XML entities and numeric character references. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10), whole);
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16), whole);
    return NAMED[name ?? ''] ?? whole;
  });
}

/** Excel's `_xHHHH_` escapes inside `<t>` (control characters and the like), as exceljs decodes them. */
function decodeEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : s;
}

/** Return true to stop the scan. */
type Visit = (name: string, attrs: string, inner: string | null) => boolean | void;

const SCANNERS = new Map<string, RegExp>();

/**
 * Calls `visit` for each element named in `names` (`a|b`, any namespace prefix) in xml[from, to), in order, with its
 * attribute text and inner XML (null when self-closing); an element's inner XML is skipped, not searched. Only
 * indexOf and anchored regexes: linear in the text. Throws on an element left open (damaged XML).
 */
function scan(xml: string, names: string, visit: Visit, from = 0, to = xml.length): void {
  let re = SCANNERS.get(names);
  if (!re) SCANNERS.set(names, (re = new RegExp(`<(\\w+:)?(${names})(?=[\\s/>])`, 'g')));
  // The regex is shared: keep the position here and set it before each search, so a visitor may scan too.
  let pos = from;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(xml);
    if (!m || m.index >= to) return;
    const name = m[2] ?? '';
    const open = m.index + m[0].length;
    const close = xml.indexOf('>', open);
    if (close < 0 || close >= to) throw new Error(`unterminated <${name}> tag`);
    if (xml.charCodeAt(close - 1) === 47 /* / */) {
      pos = close + 1;
      if (visit(name, xml.slice(open, close - 1), null) === true) return;
      continue;
    }
    const attrs = xml.slice(open, close);
    if (name === 'row') {
      // Rows hold the cells: visit them in turn rather than skipping the row's content.
      pos = close + 1;
      if (visit(name, attrs, null) === true) return;
      continue;
    }
    const end = `</${m[1] ?? ''}${name}>`;
    const stop = xml.indexOf(end, close + 1);
    if (stop < 0 || stop + end.length > to) throw new Error(`<${name}> is not closed`);
    pos = stop + end.length;
    if (visit(name, attrs, xml.slice(close + 1, stop)) === true) return;
  }
}

/** Inner XML of the first element `name` (null when self-closing), or undefined when there is none. */
function first(xml: string, name: string): { attrs: string; inner: string | null } | undefined {
  let found: { attrs: string; inner: string | null } | undefined;
  scan(xml, name, (_, attrs, inner) => {
    found = { attrs, inner };
    return true;
  });
  return found;
}

const ATTR_RES = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}


/** The text of a string item (`<si>` or `<is>`): its `<t>`, or its rich-text runs joined; phonetic runs skipped. */
function stringItemText(xml: string): string {
  let out = '';
  scan(xml, 't|rPh', (name, _, inner) => {
    if (name === 't') out += inner ?? '';
  });
  return decodeEscapes(decodeXml(out));
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook-level parts

function relTargets(relsXml: string, base: string): Array<{ id: string; type: string; path: string }> {
  const out: Array<{ id: string; type: string; path: string }> = [];
  scan(relsXml, 'Relationship', (_, attrs) => {
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (!id || !target) return;
    const path = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
    out.push({ id, type: attr(attrs, 'Type') ?? '', path: normalizePath(path) });
  });
  return out;
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '.' || p === '') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** Sheets in workbook order, with the path of each sheet's part. */
export function listSheets(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map(relTargets(relsXml, 'xl/').map((r) => [r.id, r.path]));
  const sheets: SheetRef[] = [];
  scan(workbookXml, 'sheet', (_, attrs) => {
    const name = attr(attrs, 'name') ?? '';
    const rid = attr(attrs, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? attr(attrs, 'id') ?? '';
    sheets.push({ name, path: targets.get(rid) ?? '' });
  });
  return sheets;
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  scan(xml, 'si', (_, __, inner) => {
    out.push(inner ? stringItemText(inner) : '');
  });
  return out;
}

/** exceljs's builtin number formats that count as dates (`utils.isDateFmt` of their format code). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The same test exceljs applies: a date/time character outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (`s`), whether its number format is a date format. */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  scan(stylesXml, 'numFmt', (_, attrs) => {
    const id = Number(attr(attrs, 'numFmtId'));
    const code = attr(attrs, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  });
  const section = first(stylesXml, 'cellXfs')?.inner ?? '';
  const dates: boolean[] = [];
  scan(section, 'xf', (_, attrs) => {
    const id = Number(attr(attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    dates.push(!id ? false : code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  });
  return dates;
}

export function parseKeywords(coreXml: string): string {
  return decodeXml(first(coreXml, 'keywords')?.inner ?? '');
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/** Column and row of an A1 reference, or null. */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col >= 1 && col <= MAX_COL && row >= 1 ? { row, col } : null;
}

function excelDate(serial: number, date1904: boolean): Plain {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

interface Context {
  shared: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

function sharedString(v: string, ctx: Context): Plain {
  const i = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(i) ? (ctx.shared[i] ?? null) : null;
}

function number(text: string | undefined, style: number, ctx: Context): Plain {
  if (text === undefined) return null;
  const n = Number.parseFloat(text);
  if (!Number.isFinite(n)) return null;
  return ctx.dateStyles[style] ? excelDate(n, ctx.date1904) : n;
}

/** The plain value of one `<c>`: its type `t`, its style `s` and its inner XML. */
function cellValue(type: string | undefined, style: number, inner: string, ctx: Context): Plain {
  if (inner === '') return null;
  if (type === 'inlineStr') {
    const is = first(inner, 'is');
    if (is) return stringItemText(is.inner ?? '');
  }
  const v = first(inner, 'v')?.inner ?? undefined;
  if (v === undefined) return null;
  switch (type) {
    case 's':
      // The <v> of a shared-string cell is an index into the shared strings, with or without a formula: reading
      // it as a number would invent a value (the index) where the sheet shows text.
      return sharedString(v, ctx);
    case 'str':
    case 'inlineStr':
      // A formula's cached string result (t="str") is the text itself.
      return decodeXml(v);
    case 'b':
      // A boolean is neither a name nor an amount: read as no value, never as the text TRUE/FALSE.
      return null;
    case 'e':
      return null;
    case 'd': {
      const d = new Date(decodeXml(v).trim());
      return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
    }
    default:
      return number(v, style, ctx);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets


interface MergeBudget {
  left: number;
}

function sheetGrid(name: string, xml: string, ctx: Context, limits: SheetLimits, budget: MergeBudget): Grid {
  const rows: Array<Plain[] | undefined> = [];
  /** Highest column of any cell in a row, and whether the row holds a value. */
  const rowWidth: number[] = [];
  const rowHasValue: boolean[] = [];
  let rowCount = 0;
  const data = first(xml, 'sheetData')?.inner ?? '';
  let row = 0;
  let col = 0;
  scan(data, 'row|c', (tag, attrs, inner) => {
    if (tag === 'row') {
      const r = Number(attr(attrs, 'r') ?? row + 1);
      row = Number.isInteger(r) && r >= 1 ? r : row + 1;
      if (row > limits.maxRowsPerSheet) throw new Error(`Max row count (${limits.maxRowsPerSheet}) exceeded`);
      col = 0;
      rowCount = Math.max(rowCount, row);
      return;
    }
    const ref = attr(attrs, 'r');
    const at = ref ? cellRef(ref) : null;
    if (at) {
      if (at.row !== row) {
        row = at.row;
        if (row > limits.maxRowsPerSheet) throw new Error(`Max row count (${limits.maxRowsPerSheet}) exceeded`);
        rowCount = Math.max(rowCount, row);
      }
      col = at.col;
    } else {
      if (row === 0) row = rowCount = 1;
      col++;
      if (col > MAX_COL) return;
    }
    rowWidth[row] = Math.max(rowWidth[row] ?? 0, col);
    const value = inner ? cellValue(attr(attrs, 't'), Number(attr(attrs, 's') ?? 0), inner, ctx) : null;
    if (value === null) return;
    let cells = rows[row];
    if (!cells) cells = rows[row] = [];
    cells[col] = value;
    rowHasValue[row] = true;
  });

  // Merged ranges: every cell of a range points at its top-left master.
  const masterOf = new Map<number, number>();
  const merges = first(xml, 'mergeCells')?.inner ?? '';
  scan(merges, 'mergeCell', (_, attrs) => {
    const [from, to] = (attr(attrs, 'ref') ?? '').split(':');
    const a = from ? cellRef(from) : null;
    const b = to ? cellRef(to) : null;
    if (!a || !b) return;
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if (bottom > limits.maxRowsPerSheet) throw new Error(`Max row count (${limits.maxRowsPerSheet}) exceeded`);
    budget.left -= (bottom - top + 1) * (right - left + 1);
    if (budget.left < 0) throw new Error(`merged ranges cover more than ${limits.maxMergedCells} cells`);
    const master = top * KEY + left;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) masterOf.set(r * KEY + c, master);
      rowWidth[r] = Math.max(rowWidth[r] ?? 0, right);
      if (bottom > top || right > left) rowHasValue[r] = true;
    }
    rowCount = Math.max(rowCount, bottom);
  });

  let colCount = 0;
  let widestRow = 0;
  rowHasValue.forEach((has, r) => {
    if (has && (rowWidth[r] ?? 0) > colCount) {
      colCount = rowWidth[r] ?? 0;
      widestRow = r;
    }
  });
  if (colCount > limits.maxColumnsPerSheet || rowCount * colCount > limits.maxSheetArea) {
    // Name the cell that widens the range; for a range too large overall, at the last row so both sizes show.
    const cell = `${colLetter(colCount)}${colCount > limits.maxColumnsPerSheet ? widestRow : rowCount}`;
    throw new SheetRangeError(
      name,
      cell,
      `工作表“${name}”在 ${cell} 有内容，超出可读取的范围（最多 ${limits.maxColumnsPerSheet} 列，行数 × 列数最多 ${limits.maxSheetArea} 个单元格；此表为 ${rowCount} 行 × ${colCount} 列）：请删除多余的行列或拆分后再导入`,
    );
  }

  const own = (r: number, c: number): Plain => rows[r]?.[c] ?? null;
  const value = (r: number, c: number): Plain => {
    if (masterOf.size > 0) {
      const master = masterOf.get(r * KEY + c);
      if (master !== undefined) return own(Math.floor(master / KEY), master % KEY);
    }
    return own(r, c);
  };
  return {
    name,
    rowCount,
    colCount,
    value,
    text: (r, c) => textOf(value(r, c)),
    origin: (r, c) => {
      const master = masterOf.size > 0 ? masterOf.get(r * KEY + c) : undefined;
      return master === undefined ? `${colLetter(c)}${r}` : `${colLetter(master % KEY)}${Math.floor(master / KEY)}`;
    },
  };
}

/**
 * Reads every worksheet of a workbook from its parts, in workbook order (sheets whose part is missing or not a
 * worksheet are skipped, as exceljs does). Throws on a row past `maxRowsPerSheet` or merged ranges over budget.
 */
export function readWorkbookParts(parts: WorkbookParts, limits: SheetLimits): ParsedWorkbook {
  const workbookXml = parts.get('xl/workbook.xml') ?? '';
  const relsXml = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const rels = relTargets(relsXml, 'xl/');
  const partOfType = (suffix: string, fallback: string) => rels.find((r) => r.type.endsWith(suffix))?.path ?? fallback;
  const workbookPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attr(workbookPr, 'date1904') ?? '');
  const ctx: Context = {
    shared: parseSharedStrings(parts.get(partOfType('/sharedStrings', 'xl/sharedStrings.xml')) ?? ''),
    dateStyles: parseDateStyles(parts.get(partOfType('/styles', 'xl/styles.xml')) ?? ''),
    date1904,
  };
  const budget: MergeBudget = { left: limits.maxMergedCells };
  const grids: Grid[] = [];
  for (const s of listSheets(workbookXml, relsXml)) {
    const xml = /^xl\/worksheets\/[^/]+\.xml$/.test(s.path) ? parts.get(s.path) : undefined;
    if (xml !== undefined) grids.push(sheetGrid(s.name, xml, ctx, limits, budget));
  }
  return { grids, keywords: parseKeywords(parts.get('docProps/core.xml') ?? '') };
}
