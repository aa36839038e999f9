/**
 * A Word .docx as a Layout: `word/document.xml` in body order, read through the zip gate (sizes, bombs, truncation).
 * `w:p` → paragraph (`w:t` text, `w:tab` → tab, `w:br`/`w:cr` → newline); `w:tbl` → table with `w:tr` rows and
 * `w:tc` cells, `w:gridSpan` → colSpan, `w:gridBefore` → skipped grid columns, `w:vMerge` continue → the owner
 * cell above grows its rowSpan. A cell's text is its paragraphs joined by newlines; a table nested in a cell becomes a
 * block of its own, after the table that holds it. Deleted text (`w:delText`), field codes and the fallback copy of
 * alternate content are skipped so nothing is read twice.
 *
 * Like sheet-xml.ts, a hand-written scanner rather than an XML library: one forward regex over the tags, linear in
 * the size of the part, with the XML entity decoding of sheet-xml.ts.
 */
import { readError } from '../errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits';
import { decodeXml } from '../xlsx/sheet-xml';
import type { Block, Cell, Paragraph, Table } from './model';
import type { LayoutResult } from './result';
import { readZipParts, type ZipFailure } from './zip-part';

const DOCUMENT = 'word/document.xml';

interface TableBuild {
  rows: Cell[][];
  /** Tables nested in this one's cells (and theirs), emitted after it. */
  nested: Block[];
  col: number;
  cell: { paragraphs: string[]; colSpan: number; vMerge: 'restart' | 'continue' | null; col: number } | null;
}

export function readDocxLayout(bytes: Uint8Array, fileName = 'document.docx', limits: ReadLimits = DEFAULT_LIMITS): LayoutResult {
  const zip = readZipParts(bytes, [DOCUMENT], limits);
  if (!zip.ok) return { ok: false, error: zipError(fileName, zip.reason, zip.part) };
  const xml = zip.parts.get(DOCUMENT);
  if (xml === undefined) {
    return { ok: false, error: readError('invalid-workbook', fileName, '这不是 Word .docx 文件（压缩包中没有 word/document.xml）：请在 Word 中另存为 .docx 后再导入', 'not a .docx (no word/document.xml in the zip)') };
  }
  try {
    return { ok: true, layout: { source: 'docx', blocks: parseDocumentXml(xml) } };
  } catch (err) {
    return { ok: false, error: readError('invalid-workbook', fileName, 'Word 文件内容已损坏，无法读取：请在 Word 中打开并重新另存为 .docx', `corrupt word/document.xml: ${(err as Error).message}`) };
  }
}

const TAG_RE = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** The blocks of a document.xml body, in order. Exported for tests of hand-written XML. */
export function parseDocumentXml(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableBuild[] = [];
  /** Text of the open paragraphs (a text box's paragraph opens inside a run of another). */
  const paras: string[] = [];
  let inText = false;
  let textStart = 0;
  /** Depth inside elements whose content is not document text (tab stops, deleted text, fallbacks, field codes). */
  let skip = 0;
  const SKIPPED = new Set(['tabs', 'delText', 'instrText', 'Fallback', 'del']);
  let depth = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(xml); m; m = TAG_RE.exec(xml)) {
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    const attrs = m[3] ?? '';
    const selfClosing = attrs.endsWith('/');
    if (inText) {
      if (closing && name === 't') {
        if (paras.length > 0 && skip === 0) paras[paras.length - 1] += decodeXml(xml.slice(textStart, m.index));
        inText = false;
        depth--;
      }
      continue;
    }
    if (!closing && !selfClosing) depth++;
    if (closing) depth--;
    if (SKIPPED.has(name)) {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    const top = tables[tables.length - 1];
    switch (name) {
      case 't':
        if (!closing && !selfClosing) {
          inText = true;
          textStart = m.index + m[0].length;
        }
        break;
      case 'tab':
        if (paras.length > 0) paras[paras.length - 1] += '\t';
        break;
      case 'br':
      case 'cr':
        if (paras.length > 0) paras[paras.length - 1] += '\n';
        break;
      case 'p':
        if (selfClosing) {
          if (paras.length === 0) endParagraph('', blocks, top);
        } else if (!closing) {
          paras.push('');
        } else {
          const text = paras.pop() ?? '';
          if (paras.length > 0) paras[paras.length - 1] += (paras[paras.length - 1] ? '\n' : '') + text;
          else endParagraph(text, blocks, top);
        }
        break;
      case 'tbl':
        if (!closing && !selfClosing) tables.push({ rows: [], nested: [], col: 0, cell: null });
        else if (closing) {
          const done = tables.pop();
          if (!done) break;
          const table: Table = { kind: 'table', rows: done.rows };
          const out = [table, ...done.nested];
          const outer = tables[tables.length - 1];
          if (outer) outer.nested.push(...out);
          else blocks.push(...out);
        }
        break;
      case 'tr':
        if (top && !closing) {
          top.rows.push([]);
          top.col = 0;
        }
        break;
      case 'gridBefore':
        if (top && top.cell === null) top.col += intAttr(attrs, 'val', 0);
        break;
      case 'tc':
        if (!top) break;
        if (!closing && !selfClosing) top.cell = { paragraphs: [], colSpan: 1, vMerge: null, col: top.col };
        else if (closing && top.cell) {
          placeCell(top, top.cell);
          top.col += top.cell.colSpan;
          top.cell = null;
        }
        break;
      case 'gridSpan':
        if (top?.cell) top.cell.colSpan = Math.max(1, intAttr(attrs, 'val', 1));
        break;
      case 'vMerge':
        if (top?.cell) top.cell.vMerge = /\bw?:?val="restart"/.test(attrs) ? 'restart' : 'continue';
        break;
    }
  }
  if (inText || depth > 0) throw new Error('the XML ends inside an open element');
  return blocks;

  function endParagraph(text: string, out: Block[], table: TableBuild | undefined): void {
    if (table?.cell) {
      table.cell.paragraphs.push(text);
      return;
    }
    if (text.trim() === '') return;
    const p: Paragraph = { kind: 'paragraph', text };
    out.push(p);
  }
}

function placeCell(table: TableBuild, built: NonNullable<TableBuild['cell']>): void {
  const r = table.rows.length - 1;
  const text = trimEmptyLines(built.paragraphs);
  if (built.vMerge === 'continue') {
    // The owner is the cell above that starts at this column and reaches down to the previous row.
    for (let up = r - 1; up >= 0; up--) {
      const owner = table.rows[up]?.find((c) => c.col === built.col && c.row + c.rowSpan === r);
      if (owner) {
        owner.rowSpan++;
        if (text) owner.text = owner.text ? `${owner.text}\n${text}` : text;
        return;
      }
    }
  }
  table.rows[r]?.push({ text, rowSpan: 1, colSpan: built.colSpan, row: r, col: built.col });
}

/** A cell's paragraphs joined by newlines, without the empty paragraphs Word leaves at its ends. */
function trimEmptyLines(paragraphs: string[]): string {
  let a = 0;
  let b = paragraphs.length;
  while (a < b && paragraphs[a]?.trim() === '') a++;
  while (b > a && paragraphs[b - 1]?.trim() === '') b--;
  return paragraphs.slice(a, b).join('\n');
}

function intAttr(attrs: string, name: string, fallback: number): number {
  const m = new RegExp(`\\b(?:\\w+:)?${name}="(\\d+)"`).exec(attrs);
  return m ? Number(m[1]) : fallback;
}

function zipError(fileName: string, reason: ZipFailure, part?: string) {
  const where = part ? `「${part}」` : '';
  switch (reason) {
    case 'ole':
      return readError('unsupported-type', fileName, '这是旧版 .doc 文件或设置了打开密码的 Word 文件：请取消密码并另存为 .docx 后再导入', 'an old .doc or a password-protected Word file; save as .docx');
    case 'truncated':
      return readError('truncated', fileName, `文件不完整${where}（可能在下载或复制时被截断）：请重新获取完整的 .docx 文件`, 'the file is truncated');
    case 'encrypted':
      return readError('unsupported-type', fileName, '文件已加密：请在 Word 中取消密码并另存为 .docx 后再导入', 'the document is encrypted');
    case 'zip64':
    case 'too-large':
    case 'too-many-entries':
      return readError('unsafe-workbook', fileName, '文件过大或压缩条目过多，超出可导入的上限：请拆分后分批导入', `zip over the limits (${reason})`);
    case 'bomb':
      return readError('unsafe-workbook', fileName, `文件中的${where}压缩比异常或实际大小与声明不符，疑似压缩炸弹，已拒绝`, `${part ?? 'an entry'} inflates beyond its limits (zip bomb?)`);
    case 'not-zip':
      return readError('invalid-workbook', fileName, '这不是有效的 Word .docx 文件（可能是改了扩展名的其他文件）：请在 Word 中另存为 .docx 后再导入', 'not a .docx file (not a zip archive)');
    default:
      return readError('invalid-workbook', fileName, `文件已损坏${where}，无法作为 .docx 打开：请在 Word 中打开并重新另存为 .docx`, 'corrupt zip structure');
  }
}
