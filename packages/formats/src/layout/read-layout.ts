/**
 * Any laid-out file into the Layout, by its content (sniff.ts), not its name: PDF and .docx through their adapters.
 * (Being extended by the adapters for any .xlsx and, through LibreOffice, .doc/.xls/.wps/.et.)
 */
import { readError } from '../errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits';
import { readDocxLayout } from './docx';
import { readPdfLayout } from './pdf';
import type { LayoutResult } from './result';
import { sniffFormat } from './sniff';

export async function readLayout(input: { fileName: string; bytes: Uint8Array }, limits: ReadLimits = DEFAULT_LIMITS): Promise<LayoutResult> {
  const format = sniffFormat(input.bytes);
  if (format === 'pdf') return readPdfLayout(input.bytes, input.fileName);
  if (format === 'docx') return readDocxLayout(input.bytes, input.fileName, limits);
  return { ok: false, error: readError('unsupported-type', input.fileName, '暂不能读取这种文件：请另存为 .docx、.xlsx 或 PDF 后再导入', 'this file type is not read yet') };
}
