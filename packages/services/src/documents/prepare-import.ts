/**
 * The first half of an import: read the file and settle its budget year, without touching the database. Refusals
 * are `BAD_INPUT` (the reader's bilingual one-line reason), `YEAR_MISMATCH` and `YEAR_REQUIRED`, so an edge can
 * refuse bad input before it opens (or creates) a database.
 */
import type { PerformanceDocument } from '@jixiao/core';
import { readDocumentInWorker, sha256Hex, type WorkerReadOptions } from '@jixiao/formats';
import { AppError } from '../errors';

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** The budget year given by the person (`--year`, the upload form); required when the document states none. */
  year?: number;
}

export interface PreparedImport {
  fileName: string;
  document: PerformanceDocument;
  year: number;
  sha256: string;
}

/**
 * The file is read in a worker thread with a time and a memory limit (`read`, default 20 s and 512 MB): a hostile
 * file is refused as BAD_INPUT instead of blocking the server's event loop or taking its memory.
 */
export async function prepareImport(input: ImportFileInput, read: WorkerReadOptions = {}): Promise<PreparedImport> {
  const { fileName, bytes, year } = input;
  const result = await readDocumentInWorker({ fileName, bytes }, read);
  if (!result.ok) throw new AppError('BAD_INPUT', result.error.message, { reason: result.error.code, file: result.error.file });
  const document = result.document;
  // The store files units under the document's department (else its first named unit). A reader leaves a unit name
  // it could not find empty rather than inventing one, so a file naming neither is refused here, not stored.
  const named = document.department?.trim() || document.units.some((u) => u.name.trim() !== '');
  if (!named && document.units.length > 0) {
    throw new AppError('BAD_INPUT', `${fileName}: 文档没有写明主管部门，也没有写明项目所属的预算单位，无法归档：请在表中补充部门名称或单位后再导入。 (neither the department nor any budget unit is named)`, { file: fileName });
  }
  const own = document.year;
  if (own !== null && year !== undefined && own !== year) {
    throw new AppError('YEAR_MISMATCH', `${fileName}: 文档写明的预算年度是 ${own} 年，与指定的 ${year} 年不一致。请核对年度，或不指定年度直接导入。 (year mismatch: the document says ${own}, ${year} was given)`, {
      documentYear: own,
      givenYear: year,
    });
  }
  const resolved = own ?? year;
  if (resolved === undefined) {
    throw new AppError('YEAR_REQUIRED', `${fileName}: 文档没有写明预算年度，请指定预算年度后再导入。 (the document states no budget year; give one)`, { file: fileName });
  }
  return { fileName, document, year: resolved, sha256: document.source?.sha256 ?? sha256Hex(bytes) };
}
