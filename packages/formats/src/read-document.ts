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
import { pickTextLayout, TEXT_LAYOUTS } from './text/registry';
import { readWorkbook } from './xlsx/read-workbook';
import { sha256Hex } from './hash';

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
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let result: ReadResult;
  if (ext === 'xlsx' || (isZip && ext !== 'json' && ext !== 'txt')) {
    if (bytes.length > limits.maxWorkbookBytes) return tooLarge(fileName, bytes.length, limits.maxWorkbookBytes);
    result = await readWorkbook({ fileName, bytes }, limits);
  } else if (ext === 'xls' || ext === 'doc' || ext === 'docx' || ext === 'pdf' || ext === 'wps' || ext === 'et') {
    return fail(
      readError(
        'unsupported-type',
        fileName,
        `不支持直接读取 .${ext} 文件：请把 Word/PDF 另存为纯文本 .txt，或把 Excel 另存为 .xlsx 后再导入`,
        `.${ext} is not read directly; save Word/PDF as .txt or Excel as .xlsx`,
      ),
    );
  } else if (ext === 'json') {
    if (bytes.length > limits.maxJsonBytes) return tooLarge(fileName, bytes.length, limits.maxJsonBytes);
    result = readInterchangeJson({ fileName, bytes });
  } else {
    if (bytes.length > limits.maxTextBytes) return tooLarge(fileName, bytes.length, limits.maxTextBytes);
    result = readText(fileName, bytes);
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
    const known = TEXT_LAYOUTS.map((l) => `「${l.title}」`).join('、');
    return fail(
      readError(
        'unknown-layout',
        fileName,
        `无法识别文件版式。能读取的文本版式有：${known}；也可使用 jixiao 的 Excel 模板（jixiao template）或 jixiao/v1 JSON`,
        'unknown layout; expected one of the supported text layouts, the jixiao Excel template or jixiao/v1 JSON',
      ),
    );
  }
  const document = layout.parse(text, { fileName });
  document.source = { file: fileName, sha256: null, layout: layout.id };
  if (decoded.truncatedTail) {
    document.problems.push({
      severity: 'warning',
      code: 'file-truncated',
      message: '文件末尾的字符不完整，文件可能被截断：请核对最后几行是否完整',
      location: { file: fileName },
    });
  }
  return { ok: true, document };
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
