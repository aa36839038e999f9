/**
 * Reads an interchange `.json` (`"format": "jixiao/v1"`). The whole document is checked against the schema;
 * the first few mismatches are named by their path so the person can fix the file.
 */
import { documentSchema } from '@jixiao/contract';
import type { PerformanceDocument } from '@jixiao/core';
import { readError } from '../errors';
import type { ReadInput, ReadResult } from '../read-document';

export function readInterchangeJson({ fileName, bytes }: ReadInput): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : '不是 UTF-8 文本';
    return { ok: false, error: readError('invalid-json', fileName, `不是有效的 JSON（${why}），文件可能被截断或损坏`, 'invalid JSON') };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'jixiao/v1') {
    return {
      ok: false,
      error: readError('unknown-layout', fileName, 'JSON 不是 jixiao/v1 交换格式（缺少 "format": "jixiao/v1"）', 'not a jixiao/v1 interchange document'),
    };
  }
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`)
      .join('；');
    return { ok: false, error: readError('invalid-json', fileName, `jixiao/v1 文档不符合格式：${where}`, 'document does not match jixiao/v1') };
  }
  const document: PerformanceDocument = parsed.data;
  return { ok: true, document };
}
