/**
 * Any laid-out file into the Layout, by its content (sniff.ts), not its name: PDF, .docx and .xlsx through their
 * adapters, the legacy compound files (.doc/.xls/.wps/.et) through LibreOffice (legacy.ts). The ok result carries
 * the sniffed format so the caller can note a file whose name says otherwise.
 *
 * Plain text is not read here: readDocument reads text with the seed readers and text.ts. A file sniffed as text
 * is refused ('unsupported-type'); a zip that is neither Word nor Excel too. A PDF without a text layer (a scan) is
 * refused as 'cannot-convert', with its page count: no OCR here.
 */
import { readError } from '../errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits';
import { readDocxLayout } from './docx';
import { readLegacyLayout, type LegacyOptions } from './legacy';
import { readPdfLayout } from './pdf';
import type { LayoutResult } from './result';
import { sniffFormat, type SniffedFormat } from './sniff';
import { readXlsxLayout } from './xlsx';

export async function readLayout(input: { fileName: string; bytes: Uint8Array }, limits: ReadLimits = DEFAULT_LIMITS, legacy: LegacyOptions = {}): Promise<LayoutResult> {
  const { fileName, bytes } = input;
  const format = sniffFormat(bytes);
  const result = await readAs(format, fileName, bytes, limits, legacy);
  return result.ok ? { ...result, sniffed: format } : result;
}

async function readAs(format: SniffedFormat, fileName: string, bytes: Uint8Array, limits: ReadLimits, legacy: LegacyOptions): Promise<LayoutResult> {
  switch (format) {
    case 'pdf':
      return scanSaysPages(await readPdfLayout(bytes, fileName), bytes, fileName);
    case 'docx':
      return readDocxLayout(bytes, fileName, limits);
    case 'xlsx':
      return readXlsxLayout(bytes, fileName, limits);
    case 'ole':
      return readLegacyLayout(bytes, fileName, limits, legacy);
    case 'zip':
      return { ok: false, error: readError('unsupported-type', fileName, '这是一个压缩包，但不是 Word (.docx) 或 Excel (.xlsx) 文件：请解压后导入其中的文件，或另存为 .docx、.xlsx 或 PDF 后再导入', 'a zip archive that is neither a .docx nor an .xlsx') };
    default:
      return { ok: false, error: readError('unsupported-type', fileName, '这是文本文件，不是 PDF、Word 或 Excel 文件：请按文本导入', 'a text file: read by the text readers, not as a layout') };
  }
}

/**
 * pdf.ts refuses a PDF with no text on any page; the refusal here says it is a scan in the words users are given
 * elsewhere, with the number of pages, so whoever sent 30 scanned pages knows the whole file was looked at.
 */
async function scanSaysPages(result: LayoutResult, bytes: Uint8Array, fileName: string): Promise<LayoutResult> {
  if (result.ok || !/without a text layer/.test(result.error.message)) return result;
  const pages = await pageCount(bytes);
  const count = pages ? `（共 ${pages} 页）` : '';
  return {
    ok: false,
    error: readError(
      'cannot-convert',
      fileName,
      `这是扫描件（图片），没有文字层${count}：请使用可复制文字的 PDF、Word 或 Excel 原件（本系统不做文字识别）`,
      `a scanned PDF${pages ? ` of ${pages} page(s)` : ''} with images and no text layer (no OCR)`,
    ),
  };
}

async function pageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, stopAtErrors: false });
    try {
      return (await task.promise).numPages;
    } finally {
      await task.destroy().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
