/**
 * Reads an interchange `.json` (`"format": "jixiao/v1"`). The whole document is checked against the lenient input
 * schema (contract `documentInputSchema`: what interchange.md shows is accepted, what is derivable is derived); the
 * first few mismatches are named by their place in words (issue-words.ts) so the person can fix the file.
 */
import { documentInputSchema } from '@jixiao/contract';
import type { PerformanceDocument } from '@jixiao/core';
import { readError, type ReadError } from '../errors';
import type { ReadInput, ReadResult } from '../read-document';
import { issueInWords, pathInWords, type SchemaIssue } from './issue-words';
import { checkJsonShape, JSON_SHAPE_LIMITS, type ShapeProblem } from './json-shape-limits';

/** How many mismatches one refusal names (the message is one line). */
const ISSUES_NAMED = 3;

export function readInterchangeJson({ fileName, bytes }: ReadInput): ReadResult {
  let value: unknown;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
    value = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: readError('invalid-json', fileName, 'JSON 嵌套过深，无法读取：请检查文件是否损坏', 'JSON nested too deeply') };
    const why = e instanceof SyntaxError ? e.message : '不是 UTF-8 文本';
    // interchange.md shows its example as JSONC; a copy that keeps the `// …` comments is told so.
    if (e instanceof SyntaxError && LINE_COMMENT.test(text)) {
      return { ok: false, error: readError('invalid-json', fileName, `不是有效的 JSON（${why}）：JSON 不能含 // 注释，请删除注释后重新导入`, 'invalid JSON: comments are not allowed') };
    }
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
  let parsed: ReturnType<typeof documentInputSchema.safeParse>;
  try {
    parsed = documentInputSchema.safeParse(value, { reportInput: true });
  } catch (e) {
    // Within the bounds above this should not happen; if the validator still overflows, refuse rather than throw.
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, error: readError('invalid-json', fileName, 'jixiao/v1 文档结构过大或错误过多，无法校验：请检查文件是否损坏', 'document too large to validate') };
  }
  if (!parsed.success) return { ok: false, error: mismatch(fileName, parsed.error.issues) };
  const document: PerformanceDocument = parsed.data;
  return { ok: true, document };
}

/** A `//` comment at the start of a line or after a value (not inside `http://`). */
const LINE_COMMENT = /(^|[\s,{[])\/\/[^\n]*$/m;

function mismatch(fileName: string, issues: ReadonlyArray<SchemaIssue>): ReadError {
  const named = issues.slice(0, ISSUES_NAMED).map((i) => `${pathInWords(i.path)}：${issueInWords(i)}`);
  const more = issues.length > ISSUES_NAMED ? `；另有 ${issues.length - ISSUES_NAMED} 处` : '';
  const first = issues[0]?.path.map(String).join('.') || '(root)';
  return readError(
    'invalid-json',
    fileName,
    `jixiao/v1 文档有 ${issues.length} 处不符合格式：${named.join('；')}${more}。请按提示修改文件后重新导入（格式见 docs/jixiao-v1.schema.json）`,
    `does not match jixiao/v1 at ${first}`,
  );
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
