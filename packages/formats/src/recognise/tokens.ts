/**
 * The Layout as one sequence of cells in reading order (tokens), the form every recogniser reads: a table row's
 * cells carry a row key (and their grid column when the format has one); cells whose rows were lost (a flattened
 * table) carry none. Run-together text is cut at the labels of the vocabulary, extraction noise (page footers, site
 * chrome) is dropped, and label words split over two cells (`年初` `预算数`) are joined.
 */
import { cleanCell, normalizeExtractedText } from '@jixiao/core';
import type { Layout } from '../layout/model';
import { normLabel, type Vocabulary } from './vocabulary';

export interface Where {
  page?: number;
  /** 1-based table number in the document. */
  table?: number;
  /** 1-based row in the table, or the line of a text file. */
  row?: number;
  column?: number;
  sheet?: string;
}

export interface Token {
  text: string;
  /** The text as labels are compared (`normLabel`). */
  norm: string;
  /** Same key = same table row; null when the row is not known. */
  rowKey: number | null;
  /** 0-based grid column, when the format has a grid. */
  col: number | null;
  /** A merged cell repeated on a row it covers (grids only). */
  inherited: boolean;
  where: Where;
}

export function layoutToTokens(layout: Layout, vocab: Vocabulary): Token[] {
  const out: Token[] = [];
  let rowKey = 0;
  let tableNo = 0;
  let line = 0;
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') {
      line++;
      rowKey++;
      const where: Where = block.page ? { page: block.page, row: line } : { row: line };
      const pieces = splitLine(block.text, vocab);
      // A line that falls into many cells is text run together (a whole form in one paragraph): its rows are lost.
      const key = pieces.length > MAX_CELLS_IN_A_LINE ? null : rowKey;
      for (const piece of pieces) out.push(token(piece, key, null, false, where));
      continue;
    }
    tableNo++;
    // Merged cells from rows above, by the row they cover.
    const covering = new Map<number, Array<{ text: string; col: number }>>();
    for (let r = 0; r < block.rows.length; r++) {
      rowKey++;
      const cells = block.rows[r] ?? [];
      // Cells of rows above that span into this row come first at their columns (grids only).
      const owned = cells.map((c) => ({ text: c.text, col: c.col, inherited: false, page: c.page, rowSpan: c.rowSpan }));
      const here = (covering.get(r) ?? []).map((c) => ({ text: c.text, col: c.col, inherited: true, page: undefined as number | undefined, rowSpan: 1 }));
      covering.delete(r);
      const row = [...owned, ...here].sort((a, b) => a.col - b.col);
      for (const c of owned) {
        for (let k = 1; k < c.rowSpan; k++) {
          const list = covering.get(r + k) ?? [];
          list.push({ text: c.text, col: c.col });
          covering.set(r + k, list);
        }
      }
      for (const c of row) {
        const where: Where = { table: tableNo, row: r + 1, column: c.col + 1 };
        if (c.page) where.page = c.page;
        if (block.sheet) where.sheet = block.sheet;
        if (block.stream) {
          for (const piece of splitStreamCell(c.text, vocab)) out.push(token(piece, null, null, false, { ...where, column: undefined }));
        } else {
          for (const piece of splitGridCell(c.text, vocab)) out.push(token(piece, rowKey, block.unaligned ? null : c.col, c.inherited, where));
        }
      }
    }
  }
  return joinSplitLabels(out.filter((t) => !isNoise(t, vocab)), vocab);
}

/** `text` is already cleaned by the split that produced it (cleaning once per cell, not once per piece). */
function token(text: string, rowKey: number | null, col: number | null, inherited: boolean, where: Where): Token {
  const clean = text.trim();
  return { text: clean, norm: normLabel(clean), rowKey, col, inherited, where };
}

function isNoise(t: Token, vocab: Vocabulary): boolean {
  return t.text !== '' && vocab.noise.some((re) => re.test(t.text));
}

/** A line of plain text: extraction spaces inside words go, the remaining spaces separate cells, then labels cut. */
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, 'g');

function splitLine(text: string, vocab: Vocabulary): string[] {
  // Only spaces between two Chinese characters are extraction noise here; the others separate cells
  // (`项目建设成本 ≤65万元 10`).
  const compact = normalizeExtractedText(text).replace(SPACE_BETWEEN_CJK, '$1').replace(SPACE_BETWEEN_CJK, '$1').trim();
  const parts = compact.split(/\s+/).filter((p) => p !== '');
  return parts.flatMap((p) => segment(p, vocab));
}

/** A cell of a flattened table is one cell: only `标签值` glued in it (`总额10606.75万元`) is cut, never guidance text. */
function splitStreamCell(text: string, vocab: Vocabulary): string[] {
  const clean = cleanCell(text) ?? '';
  if (clean === '') return [''];
  if (vocab.guidance.some((re) => re.test(clean))) return [clean];
  if (longestLabelAt(normalisedWithIndex(clean).norm, 0, vocab) === null) return [clean];
  return segment(clean, vocab);
}

/** A grid cell is authoritative; only `标签:值` in one cell (`项目负责人:[姓名]`) is split. */
function splitGridCell(text: string, vocab: Vocabulary): string[] {
  const clean = cleanCell(text) ?? '';
  const m = /^([^:：]{2,12})[:：](.+)$/s.exec(clean);
  if (m && vocab.meanings.has(normLabel(m[1]!)) && !/^\d/.test(m[2]!.trim())) return [m[1]!, m[2]!.trim()];
  if (clean.length >= 40 && !vocab.guidance.some((re) => re.test(clean))) return segment(clean, vocab);
  return [clean];
}

const MIN_RUN_TOGETHER = 14;
const MAX_CELLS_IN_A_LINE = 16;

/**
 * Cuts run-together text at the labels it contains: `项目名称镇域内基础设施建设项目属性新增项目` → 项目名称 |
 * 镇域内基础设施建设 | 项目属性 | 新增项目. Only text that starts with a label or is long enough to be several cells
 * run together is cut, so a short cell such as `年度预算数(万元)` keeps its words.
 */
export function segment(text: string, vocab: Vocabulary): string[] {
  const map = normalisedWithIndex(text);
  const norm = map.norm;
  if (vocab.titles.some(({ title }) => norm.includes(title) && norm.length - title.length <= 40)) return [text];
  const startsWithLabel = longestLabelAt(norm, 0, vocab) !== null;
  if (!startsWithLabel && norm.length < MIN_RUN_TOGETHER) return [text];
  const cuts: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < norm.length) {
    const label = longestLabelAt(norm, i, vocab);
    if (label) {
      let end = i + label.length;
      const points = /^\(\s*\d+(?:\.\d+)?(?:-\d+)?\s*\)\s*分?|^\(\d+分\)/.exec(norm.slice(end));
      if (points) end += points[0].length;
      cuts.push({ from: i, to: end });
      i = end;
    } else i++;
  }
  if (cuts.length === 0) return [text];
  const pieces: string[] = [];
  let last = 0;
  for (const c of cuts) {
    if (c.from > last) pieces.push(sliceOriginal(text, map.index, last, c.from));
    pieces.push(sliceOriginal(text, map.index, c.from, c.to));
    last = c.to;
  }
  if (last < norm.length) pieces.push(sliceOriginal(text, map.index, last, norm.length));
  return pieces.map((p) => p.trim().replace(/^[:：,，;；、]+|[,，;；、]+$/g, '')).filter((p) => p !== '');
}

function longestLabelAt(norm: string, i: number, vocab: Vocabulary): string | null {
  const key = norm.slice(i, i + 2);
  // A title is cut out whole, so the labels inside it (`绩效目标` in `项目支出绩效目标表`) stay in it.
  for (const title of titlesByPrefix(vocab).get(key) ?? []) if (norm.startsWith(title, i)) return title;
  for (const label of labelsByPrefix(vocab).get(key) ?? []) {
    if (!norm.startsWith(label, i)) continue;
    // A two-character word (`总额`) is a label only right before its figure (`总额10606.75万元`).
    if (label.length < 3 && !label.endsWith('指标') && !/^[\d:]/.test(norm.slice(i + label.length, i + label.length + 1))) continue;
    return label;
  }
  return null;
}

const titleIndex = new WeakMap<Vocabulary, Map<string, string[]>>();
function titlesByPrefix(vocab: Vocabulary): Map<string, string[]> {
  let idx = titleIndex.get(vocab);
  if (!idx) {
    idx = new Map();
    for (const { title } of vocab.titles) {
      const list = idx.get(title.slice(0, 2)) ?? [];
      list.push(title);
      idx.set(title.slice(0, 2), list);
    }
    titleIndex.set(vocab, idx);
  }
  return idx;
}

const prefixIndex = new WeakMap<Vocabulary, Map<string, string[]>>();
function labelsByPrefix(vocab: Vocabulary): Map<string, string[]> {
  let idx = prefixIndex.get(vocab);
  if (!idx) {
    idx = new Map();
    // Segmentation cuts at labels that name something (fields, columns, rows, levels, delimiters); one-character
    // words and words too common inside sentences are left to the cell readers.
    for (const label of vocab.labelsLongestFirst) {
      if (label.length < 2) continue;
      const key = label.slice(0, 2);
      const list = idx.get(key) ?? [];
      list.push(label);
      idx.set(key, list);
    }
    prefixIndex.set(vocab, idx);
  }
  return idx;
}

/** The text as labels see it (NFKC, no white space) with, for each position, the index in the original text. */
function normalisedWithIndex(text: string): { norm: string; index: number[] } {
  let norm = '';
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0) continue;
    // Only full-width forms, radicals and compatibility characters change under NFKC; the rest is copied as is.
    const n = code < 0x2000 || (code >= 0x4e00 && code <= 0x9fff) ? ch : ch.normalize('NFKC');
    for (const c of n) {
      norm += c;
      index.push(i);
    }
  }
  index.push(text.length);
  return { norm, index };
}

function sliceOriginal(text: string, index: number[], from: number, to: number): string {
  return text.slice(index[from] ?? text.length, index[to] ?? text.length);
}

/**
 * Label words broken over two cells by the extraction (`年初` + `预算数`, `经济效益` + `指标`) are joined when the two
 * together are a label and the first alone is not one.
 */
function joinSplitLabels(tokens: Token[], vocab: Vocabulary): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && prev.col === null && t.col === null && prev.text && t.text && prev.text.length <= 10 && t.text.length <= 6 && !/\d/.test(prev.text + t.text)) {
      const joined = normLabel(prev.text + t.text);
      const prevMeanings = vocab.meanings.get(prev.norm) ?? [];
      const isLevelThenWord = t.norm === '指标' && prevMeanings.some((m) => m.type === 'level2' || m.type === 'level1');
      if (vocab.meanings.has(joined) && (prevMeanings.length === 0 || isLevelThenWord)) {
        prev.text = prev.text + t.text;
        prev.norm = joined;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}
