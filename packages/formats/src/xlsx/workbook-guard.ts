/**
 * The gate in front of exceljs: judges a workbook from its zip central directory and from its inflated parts,
 * one part at a time, before anything is handed to the Excel library. Refuses what is not an .xlsx (a renamed
 * text file, an old .xls, a password-protected file, a Word file), what is cut off, and what would take the
 * machine's memory (zip bombs, lying sizes, too many entries, sheets, rows or cells). Never throws.
 */
import { readError, type ReadError } from '../errors';
import type { ReadLimits } from '../limits';
import { listSheets, type WorkbookParts } from './sheet-xml';
import { inflateZipEntry, readZipDirectory } from './zip-directory';

export interface SheetCensus {
  /** Sheet name as Excel shows it. */
  name: string;
  /** Path of its part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  rows: number;
  cells: number;
}

/** `parts`: the XML parts a reader needs (sheet list, shared strings, styles, core properties, worksheets), as text. */
export type GuardResult = { ok: true; sheets: SheetCensus[]; parts: WorkbookParts } | { ok: false; error: ReadError };

const MB = 1024 * 1024;

export function guardWorkbook(fileName: string, bytes: Uint8Array, limits: ReadLimits): GuardResult {
  const fail = (code: ReadError['code'], zh: string, en: string): GuardResult => ({ ok: false, error: readError(code, fileName, zh, en) });
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    switch (dir.reason) {
      case 'ole':
        return fail('unsupported-type', '这是旧版 .xls 文件或设置了打开密码的 Excel 文件：请在 Excel 中取消密码并另存为 .xlsx 后再导入', 'an old .xls or a password-protected workbook; remove the password and save as .xlsx');
      case 'truncated':
        return fail('truncated', '文件不完整（可能在下载或复制时被截断）：请重新获取完整的 .xlsx 文件', 'the file is truncated; the zip directory is missing');
      case 'zip64':
        return fail('unsafe-workbook', '文件使用了 ZIP64 大文件格式，超出可导入的大小：请拆分后分批导入', 'zip64 archives are not accepted; split the workbook');
      case 'corrupt':
        return fail('invalid-workbook', '文件已损坏，无法作为 .xlsx 打开：请在 Excel 中打开并重新另存为 .xlsx', 'corrupt zip structure; re-save the file as .xlsx');
      default:
        return fail('invalid-workbook', '这不是有效的 Excel .xlsx 文件（可能是改了扩展名的其他文件）：请在 Excel 中另存为 .xlsx 后再导入', 'not an .xlsx file (not a zip archive)');
    }
  }
  const entries = dir.entries;
  if (entries.length > limits.maxWorkbookEntries) {
    return fail('unsafe-workbook', `文件包含 ${entries.length} 个压缩条目，超过上限 ${limits.maxWorkbookEntries} 个，不像正常的 Excel 文件`, `too many zip entries (${entries.length} > ${limits.maxWorkbookEntries})`);
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  if (!byName.has('xl/workbook.xml')) {
    if (byName.has('word/document.xml')) return fail('unsupported-type', '这是 Word .docx 文件，不是 Excel 文件：请另存为纯文本 .txt 后再导入', 'a Word .docx file, not a workbook');
    return fail('invalid-workbook', '这不是 Excel .xlsx 文件（压缩包中没有 xl/workbook.xml）：请在 Excel 中另存为 .xlsx 后再导入', 'not an .xlsx (no xl/workbook.xml in the zip)');
  }
  if (entries.some((e) => (e.flags & 1) === 1)) {
    return fail('unsupported-type', '文件已加密：请在 Excel 中取消密码并另存为 .xlsx 后再导入', 'the workbook is encrypted');
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.method !== 0 && e.method !== 8) return fail('invalid-workbook', `文件中的「${e.name}」使用了不支持的压缩方式：请在 Excel 中重新另存为 .xlsx`, `unsupported compression method ${e.method} in ${e.name}`);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) {
      return fail('unsafe-workbook', `文件中的「${e.name}」压缩比异常（${Math.round(ratio)} 倍，上限 ${limits.maxCompressionRatio} 倍），疑似压缩炸弹，已拒绝`, `compression ratio ${Math.round(ratio)} > ${limits.maxCompressionRatio} in ${e.name} (zip bomb?)`);
    }
  }
  if (total > limits.maxWorkbookUncompressedBytes) {
    return fail('unsafe-workbook', `文件解压后共 ${(total / MB).toFixed(0)} MB，超过上限 ${(limits.maxWorkbookUncompressedBytes / MB).toFixed(0)} MB：请拆分后分批导入`, `uncompressed size ${(total / MB).toFixed(0)} MB > ${(limits.maxWorkbookUncompressedBytes / MB).toFixed(0)} MB`);
  }

  // Every part is inflated once, within its declared size, so a directory that lies about sizes is caught here.
  const texts = new Map<string, string>();
  const sheetStats = new Map<string, { rows: number; cells: number }>();
  for (const [name, e] of byName) {
    if (name.endsWith('/')) continue;
    const data = inflateZipEntry(bytes, e);
    if (data === 'truncated') return fail('truncated', `文件不完整（「${name}」缺少数据，可能被截断）：请重新获取完整的 .xlsx 文件`, `truncated: data of ${name} runs past the end of the file`);
    if (data === 'oversize') return fail('unsafe-workbook', `文件中的「${name}」实际解压大小与声明不符，疑似压缩炸弹，已拒绝`, `${name} inflates beyond its declared size (zip bomb?)`);
    if (data === 'corrupt') return fail('invalid-workbook', `文件已损坏（「${name}」无法解压）：请在 Excel 中打开并重新另存为 .xlsx`, `corrupt data in ${name}`);
    if (!wanted(name)) continue;
    const text = data.toString('utf8');
    if (name.startsWith('xl/worksheets/')) sheetStats.set(name, countRowsAndCells(text));
    texts.set(name, text);
  }

  const sheets = listSheets(texts.get('xl/workbook.xml') ?? '', texts.get('xl/_rels/workbook.xml.rels') ?? '');
  if (sheets.length > limits.maxSheets) {
    return fail('unsafe-workbook', `工作簿有 ${sheets.length} 个工作表，超过上限 ${limits.maxSheets} 个：请删除无关的工作表后再导入`, `too many sheets (${sheets.length} > ${limits.maxSheets})`);
  }
  const census: SheetCensus[] = [];
  let cells = 0;
  for (const s of sheets) {
    const stats = sheetStats.get(s.path) ?? { rows: 0, cells: 0 };
    if (stats.rows > limits.maxRowsPerSheet) {
      return fail('unsafe-workbook', `工作表「${s.name}」有 ${stats.rows} 行，超过上限 ${limits.maxRowsPerSheet} 行：请拆分后分批导入`, `sheet "${s.name}" has ${stats.rows} rows > ${limits.maxRowsPerSheet}`);
    }
    cells += stats.cells;
    census.push({ ...s, ...stats });
  }
  if (cells > limits.maxWorkbookCells) {
    return fail('unsafe-workbook', `工作簿共有 ${cells} 个单元格，超过上限 ${limits.maxWorkbookCells} 个：请拆分后分批导入`, `too many cells (${cells} > ${limits.maxWorkbookCells})`);
  }
  return { ok: true, sheets: census, parts: texts };
}

/**
 * The parts the guard keeps as text: the sheet list and every worksheet (to count rows and cells), and what the
 * sheet reader needs besides (shared strings, styles and the like at the top of xl/, the core properties).
 */
function wanted(name: string): boolean {
  return name === 'xl/_rels/workbook.xml.rels' || name === 'docProps/core.xml' || /^xl\/(?:worksheets\/)?[^/]+\.xml$/.test(name);
}


/** Rows (the highest row number, or the number of row elements when higher) and cells of one sheet's XML. */
export function countRowsAndCells(xml: string): { rows: number; cells: number } {
  let rows = 0;
  let maxR = 0;
  // [^<>]: an attribute list ends before the next tag, so damaged XML (`<row <row …`) stays linear.
  const rowRe = /<(?:\w+:)?row\b([^<>]*)>/g;
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    rows++;
    const r = /\br="(\d+)"/.exec(m[1] ?? '');
    if (r) maxR = Math.max(maxR, Number(r[1]));
  }
  let cells = 0;
  const cellRe = /<(?:\w+:)?c\b/g;
  while (cellRe.exec(xml)) cells++;
  return { rows: Math.max(rows, maxR), cells };
}
