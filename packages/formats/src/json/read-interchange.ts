/**
 * Reads an interchange `.json` (`"format": "jixiao/v1"`). The whole document is checked against the schema;
 * the first few mismatches are named by their path so the person can fix the file.
 */
import { documentSchema } from '@jixiao/contract';
import type { PerformanceDocument } from '@jixiao/core';
import { readError } from '../errors';
import type { ReadInput, ReadResult } from '../read-document';
import { checkJsonShape, JSON_SHAPE_LIMITS, type ShapeProblem } from './json-shape-limits';

export function readInterchangeJson({ fileName, bytes }: ReadInput): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: readError('invalid-json', fileName, 'JSON 嵌套过深，无法读取：请检查文件是否损坏', 'JSON nested too deeply') };
    const why = e instanceof SyntaxError ? e.message : '不是 UTF-8 文本';
    return { ok: false, error: readError('invalid-json', fileName, `不是有效的 JSON（${why}），文件可能被截断或损坏`, 'invalid JSON') };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'jixiao/v1') {
    return {
      ok: false,
      error: readError('unknown-layout', fileName, 'JSON 不是 jixiao/v1 交换格式（缺少 "format": "jixiao/v1"）', 'not a jixiao/v1 interchange document'),
    };
  }
  const shape = checkJsonShape(value);
  if (shape) return { ok: false, error: readError('invalid-json', fileName, shapeMessage(shape), 'document too large or nested too deeply for jixiao/v1') };
  let parsed: ReturnType<typeof documentSchema.safeParse>;
  try {
    parsed = documentSchema.safeParse(value);
  } catch (e) {
    // Within the bounds above this should not happen; if the validator still overflows, refuse rather than throw.
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, error: readError('invalid-json', fileName, 'jixiao/v1 文档结构过大或错误过多，无法校验：请检查文件是否损坏', 'document too large to validate') };
  }
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

function shapeMessage(p: ShapeProblem): string {
  switch (p.kind) {
    case 'depth':
      return `jixiao/v1 文档在 ${p.path} 处嵌套超过 ${JSON_SHAPE_LIMITS.maxDepth} 层，不是有效的交换文档：请检查文件是否损坏`;
    case 'array-length':
      return `jixiao/v1 文档的 ${p.path} 有 ${p.length} 项，超过上限 ${p.max} 项：请检查文件是否损坏，或拆分后分批导入`;
    default:
      return `jixiao/v1 文档共有 ${p.count} 个以上的列表项，超过上限 ${JSON_SHAPE_LIMITS.maxTotalElements} 个：请拆分后分批导入`;
  }
}
