/**
 * Loads a workbook that passed the guard into exceljs, with the row limit enforced again by the parser and
 * the parts nobody reads (validation lists, formatting rules, drawings) skipped. A file exceljs cannot parse is
 * refused as a damaged workbook; nothing is thrown.
 */
import ExcelJS from 'exceljs';
import { readError, type ReadError } from '../errors';
import type { ReadLimits } from '../limits';
import { guardWorkbook, type SheetCensus } from './workbook-guard';

export type LoadResult = { ok: true; book: ExcelJS.Workbook; census: SheetCensus[] } | { ok: false; error: ReadError };

const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'legacyDrawing', 'picture', 'rowBreaks', 'tableParts'];

export async function loadWorkbook(fileName: string, bytes: Uint8Array, limits: ReadLimits): Promise<LoadResult> {
  const guard = guardWorkbook(fileName, bytes, limits);
  if (!guard.ok) return guard;
  const book = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // maxRows is honoured by exceljs's sheet parser though its typings do not list it.
    const options = { ignoreNodes: IGNORED_NODES, maxRows: limits.maxRowsPerSheet } as Partial<ExcelJS.XlsxReadOptions>;
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer, options);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]?.slice(0, 120) : String(e);
    return { ok: false, error: readError('invalid-workbook', fileName, '文件已损坏或不是 Excel 生成的 .xlsx，无法读取：请在 Excel 中打开并重新另存为 .xlsx', `cannot parse the workbook: ${detail}`) };
  }
  return { ok: true, book, census: guard.sheets };
}
