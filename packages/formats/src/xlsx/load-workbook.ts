/**
 * Reads a workbook that passed the guard into plain grids, straight from the XML parts the guard inflated
 * (sheet-xml.ts), with the row limit enforced again by the sheet scanner and merged ranges held to the cell
 * limit. A file whose parts cannot be read is refused as a damaged workbook; nothing is thrown.
 */
import { readError, type ReadError } from '../errors';
import type { ReadLimits } from '../limits';
import type { Grid } from './grid';
import { readWorkbookParts, SheetRangeError } from './sheet-xml';
import { guardWorkbook, type SheetCensus } from './workbook-guard';

export type LoadResult = { ok: true; grids: Grid[]; keywords: string; census: SheetCensus[] } | { ok: false; error: ReadError };

export async function loadWorkbook(fileName: string, bytes: Uint8Array, limits: ReadLimits): Promise<LoadResult> {
  const guard = guardWorkbook(fileName, bytes, limits);
  if (!guard.ok) return guard;
  try {
    const { grids, keywords } = readWorkbookParts(guard.parts, {
      maxRowsPerSheet: limits.maxRowsPerSheet,
      maxColumnsPerSheet: limits.maxColumnsPerSheet,
      maxSheetArea: limits.maxSheetArea,
      maxMergedCells: limits.maxWorkbookCells,
    });
    return { ok: true, grids, keywords, census: guard.sheets };
  } catch (e) {
    if (e instanceof SheetRangeError) return { ok: false, error: readError('unsafe-workbook', fileName, e.zh, e.message) };
    const detail = e instanceof Error ? e.message.split('\n')[0]?.slice(0, 120) : String(e);
    return { ok: false, error: readError('invalid-workbook', fileName, '文件已损坏或不是 Excel 生成的 .xlsx，无法读取：请在 Excel 中打开并重新另存为 .xlsx', `cannot parse the workbook: ${detail}`) };
  }
}
