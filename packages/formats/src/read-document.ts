/**
 * The one entry point for reading a file into the document model: by extension and content it picks the reader
 * (extracted text, .xlsx, interchange .json), applies the size limits, and either returns the document with the
 * problems the reader noticed or refuses the file with a bilingual one-line reason. It never throws on bad input.
 */
import type { PerformanceDocument } from '@jixiao/core';
import { readError, type ReadError } from './errors';
import { readInterchangeJson } from './json/read-interchange';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { decodeText } from './text/decode';
import { pickTextLayout } from './text/registry';
import { readWorkbook } from './xlsx/read-workbook';
import { sha256Hex } from './hash';
import { layoutPlainText } from './layout/plain-text';
import { readLayout } from './layout/read-layout';
import { sniffFormat, type SniffedFormat } from './layout/sniff';
import { textToLayout } from './layout/text';
import { readRecognisedLayout } from './recognise/read-recognised';

export interface ReadInput {
  /** Name shown in messages and stored with the document (no directories needed). */
  fileName: string;
  bytes: Uint8Array;
}

export type ReadResult = { ok: true; document: PerformanceDocument } | { ok: false; error: ReadError };

const MB = 1024 * 1024;

export async function readDocument(input: ReadInput, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  try {
    return await readChecked(input, limits);
  } catch (e) {
    // Readers return problems rather than throw; anything that still escapes (a RangeError from a deep recursion, a
    // bug) is a refusal naming the file, so no caller ever sees an exception from reading.
    const detail = e instanceof Error ? `${e.name}: ${e.message}`.split('\n')[0]!.slice(0, 120) : String(e).slice(0, 120);
    return fail(readError('reader-failed', input.fileName, '读取文件时出错，文件可能已损坏或格式异常：请检查文件，或另存后重试', `the reader failed: ${detail}`));
  }
}

async function readChecked(input: ReadInput, limits: ReadLimits): Promise<ReadResult> {
  const { fileName, bytes } = input;
  if (bytes.length === 0) return fail(readError('empty', fileName, '文件是空的，没有可读取的内容', 'the file is empty'));
  const ext = extensionOf(fileName);
  const sniffed = sniffFormat(bytes);
  let result: ReadResult;
  if (sniffed === 'xlsx' || (sniffed === 'zip' && ext === 'xlsx')) {
    if (bytes.length > limits.maxWorkbookBytes) return tooLarge(fileName, bytes.length, limits.maxWorkbookBytes);
    // The jixiao templates and the district layouts the workbook reader knows first; any other sheet goes to the
    // general reader.
    result = await readWorkbook({ fileName, bytes }, limits);
    if (!result.ok && result.error.code === 'unknown-layout') {
      const general = await readLaidOut({ fileName, bytes }, limits);
      // The workbook reader's refusal names the columns it expected: it stays unless the general reader did better.
      if (general.ok || general.error.code === 'nothing-read') result = general;
    }
  } else if (sniffed === 'pdf' || sniffed === 'docx' || sniffed === 'ole' || sniffed === 'zip') {
    if (bytes.length > limits.maxWorkbookBytes) return tooLarge(fileName, bytes.length, limits.maxWorkbookBytes);
    result = await readLaidOut({ fileName, bytes }, limits);
  } else if (ext === 'json') {
    if (bytes.length > limits.maxJsonBytes) return tooLarge(fileName, bytes.length, limits.maxJsonBytes);
    result = readInterchangeJson({ fileName, bytes });
  } else {
    if (bytes.length > limits.maxTextBytes) return tooLarge(fileName, bytes.length, limits.maxTextBytes);
    result = readText(fileName, bytes);
  }
  if (result.ok) noteMisnamed(result.document, fileName, ext, sniffed);
  else if (isMisnamed(ext, sniffed)) {
    // The note goes before the English part, so the message keeps its `中文 (English)` shape.
    const note = `（文件扩展名是 .${ext || '（无）'}，但内容是 ${FORMAT_NAMES[sniffed] ?? sniffed} 文件）`;
    const text = result.error.message;
    const english = / \((?=[A-Za-z.])/.exec(text)?.index ?? -1;
    const message = english > 0 ? `${text.slice(0, english)}${note}${text.slice(english)}` : `${text}${note}`;
    result = fail({ ...result.error, message });
  }
  if (result.ok) result.document.source = { ...result.document.source, layout: result.document.source?.layout ?? 'unknown', file: fileName, sha256: sha256Hex(bytes) };
  return result;
}

function readText(fileName: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return decoded.reason === 'binary'
      ? fail(readError('binary', fileName, '这不是文本文件（含有二进制内容）：请导入从 PDF/Word 提取的 .txt、.xlsx 或 .json', 'binary content, not a text file'))
      : fail(readError('binary', fileName, '无法识别文件的字符编码：请另存为 UTF-8 文本后再导入', 'unknown character encoding; save as UTF-8'));
  }
  const text = decoded.text;
  if (text.trim() === '') return fail(readError('empty', fileName, '文件只有空白，没有可读取的内容', 'the file has only white space'));
  const layout = pickTextLayout(text);
  if (!layout) {
    // Not one of the seed layouts: the general reader (national and regional templates by vocabulary).
    const general = readRecognisedLayout(textToLayout(text), fileName);
    if (!general.ok) return general;
    if (decoded.truncatedTail) general.document.problems.push(truncatedProblem(fileName));
    return general;
  }
  const document = layout.parse(text, { fileName });
  document.source = { file: fileName, sha256: null, layout: layout.id };
  if (decoded.truncatedTail) document.problems.push(truncatedProblem(fileName));
  return { ok: true, document };
}

function truncatedProblem(fileName: string): PerformanceDocument['problems'][number] {
  return { severity: 'warning', code: 'file-truncated', message: '文件末尾的字符不完整，文件可能被截断：请核对最后几行是否完整', location: { file: fileName } };
}

/** PDF, Word and Excel files of any layout (and legacy files converted by LibreOffice): Layout → general reader. */
async function readLaidOut(input: ReadInput, limits: ReadLimits): Promise<ReadResult> {
  const laid = await readLayout(input, limits);
  if (!laid.ok) return laid;
  // A seed's own layout, when the file is one of them saved as PDF or Word, is read by its seed reader.
  const plain = layoutPlainText(laid.layout);
  const seedLayout = pickTextLayout(plain);
  if (seedLayout) {
    const document = seedLayout.parse(plain, { fileName: input.fileName });
    document.source = { file: input.fileName, sha256: null, layout: seedLayout.id };
    return { ok: true, document };
  }
  return readRecognisedLayout(laid.layout, input.fileName);
}

const FORMAT_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', ole: '旧版 Office（.doc/.xls/.wps/.et）', text: '文本', zip: 'zip' };
const EXPECTED: Record<string, string[]> = { pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], ole: ['doc', 'xls', 'wps', 'et'], text: ['txt', 'json', 'csv', ''], zip: [] };

/** A `.txt` that is really a PDF, an `.xlsx` that is really a .docx: read as what it is, and said so. */
function isMisnamed(ext: string, sniffed: SniffedFormat): boolean {
  return sniffed !== 'text' && sniffed !== 'zip' && !(EXPECTED[sniffed] ?? []).includes(ext);
}

function noteMisnamed(doc: PerformanceDocument, fileName: string, ext: string, sniffed: SniffedFormat) {
  if (!isMisnamed(ext, sniffed)) return;
  doc.problems.push({
    severity: 'info',
    code: 'file-type-mismatch',
    message: `文件扩展名是 .${ext || '（无）'}，但内容是 ${FORMAT_NAMES[sniffed] ?? sniffed} 文件，已按实际内容读取：建议改正文件扩展名`,
    location: { file: fileName },
  });
}

function tooLarge(fileName: string, size: number, limit: number): ReadResult {
  return fail(
    readError(
      'too-large',
      fileName,
      `文件过大（${(size / MB).toFixed(1)} MB，上限 ${(limit / MB).toFixed(0)} MB）：请拆分后分批导入`,
      `file too large (${(size / MB).toFixed(1)} MB > ${(limit / MB).toFixed(0)} MB)`,
    ),
  );
}

function fail(error: ReadError): ReadResult {
  return { ok: false, error };
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return (m?.[1] ?? '').toLowerCase();
}
