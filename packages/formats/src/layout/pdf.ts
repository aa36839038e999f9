/**
 * A born-digital PDF as a Layout, with pdfjs-dist (legacy build, which runs on Node 20 without a DOM; see
 * docs/decisions for why). Per page: text items with their positions, ruling lines from the operator list, lattice
 * tables from the rules (pdf-lattice.ts), and the remaining text as lines and paragraphs (pdf-text.ts), blocks
 * ordered top to bottom. A table that continues on the next page with the same column edges is one table, its
 * repeated header row dropped, a merged cell cut by the page break joined again. Not yet: "stream" tables (no ruling
 * lines) come out as paragraphs; a row whose own text is split by the page break stays two rows; page headers and
 * footers are not recognised.
 *
 * A PDF with no text on any page is a scan: refused, saying so (no OCR). Every failure is a ReadError, never thrown.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readError, type ReadError } from '../errors';
import { tableHeight, tableToGrid, type Block, type Cell, type Layout, type Table } from './model';
import { findLatticeTables, type PageTable } from './pdf-lattice';
import { extractRules, type OpCodes } from './pdf-rules';
import { groupLines, groupParagraphs, type TextItem } from './pdf-text';
import type { LayoutResult } from './result';

/** More pages than any budget document; bounds the time a hostile file can take. */
export const MAX_PDF_PAGES = 2000;
/** Column edges of two table parts match within this (points). */
const EDGE_TOLERANCE = 2;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** Loaded on first use: the library is large and most reads are not PDFs. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * The engine's own Array.prototype.push, taken before pdfjs is loaded. The legacy build (pdf.mjs, and pdf.worker.mjs
 * which the first getDocument loads) bundles core-js, which replaces push in the whole process with a JavaScript
 * version (V8's push fails a spec check on objects whose length is near 2^32, which no array here has). That version
 * is about 13× slower, and pdfjs's content-stream parser pushes every operand, twice a page here (text content, then
 * the operator list): with the native push put back, a 100-page PDF reads in about a fifth less CPU time
 * (`npm run bench -- read`). It behaves the same on every real array. When pdfjs was loaded before this module,
 * this is already core-js's and nothing changes.
 */
const ENGINE_PUSH = Array.prototype.push;

function keepNativePush(): void {
  if (Array.prototype.push !== ENGINE_PUSH) {
    // oxlint-disable-next-line no-extend-native -- puts back the engine's own push, replaced by pdfjs's core-js
    Object.defineProperty(Array.prototype, 'push', { value: ENGINE_PUSH, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * How jixiao opens a PDF with pdfjs (decision 014): no eval, no font loading, the bundled CMaps and fonts. The bench
 * opens its bare baseline the same way.
 */
export function pdfOpenOptions(bytes: Uint8Array) {
  return {
    // pdfjs transfers (detaches) the buffer it is given: a copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    wasmUrl: dataDir('wasm'),
  };
}

/** pdfjs's data folders (CMaps for CJK fonts that are not embedded, the standard 14 fonts), as directory paths. */
function dataDir(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, name) + '/';
}

export async function readPdfLayout(bytes: Uint8Array, fileName = 'document.pdf'): Promise<LayoutResult> {
  const fail = (code: ReadError['code'], zh: string, en: string): LayoutResult => ({ ok: false, error: readError(code, fileName, zh, en) });
  if (!hasEofMarker(bytes)) {
    // pdfjs rebuilds a cut-off file from what is left and reads part of it: refuse instead of reading half a table.
    return fail('truncated', '文件不完整（PDF 结尾缺失，可能在下载或复制时被截断）：请重新获取完整的 PDF 文件', 'the PDF is truncated (no %%EOF at the end)');
  }
  let lib: PdfJs;
  try {
    lib = await loadPdfJs();
  } catch (err) {
    return fail('reader-failed', '无法加载 PDF 读取组件：请联系管理员检查安装', `pdfjs-dist failed to load: ${(err as Error).message}`);
  }
  const task = lib.getDocument(pdfOpenOptions(bytes));
  try {
    const doc = await task.promise;
    // The worker module is loaded by now (on the first document): both copies of core-js have run.
    keepNativePush();
    if (doc.numPages > MAX_PDF_PAGES) {
      return fail('too-large', `PDF 共 ${doc.numPages} 页，超过上限 ${MAX_PDF_PAGES} 页：请拆分后分批导入`, `${doc.numPages} pages > ${MAX_PDF_PAGES}`);
    }
    const ops = opCodes(lib);
    const pages: PageBlocks[] = [];
    let textItems = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((it): TextItem[] => {
        if (!('str' in it) || it.str.trim() === '') return [];
        const [, , c, d, e, f] = it.transform as number[];
        return [{ str: it.str, x: e ?? 0, y: f ?? 0, w: it.width, size: Math.hypot(c ?? 0, d ?? 0) || it.height || 1 }];
      });
      textItems += items.length;
      const opList = await page.getOperatorList();
      const rules = extractRules(opList.fnArray, opList.argsArray, ops);
      pages.push(pageBlocks(n, items, rules));
      page.cleanup();
    }
    if (textItems === 0) {
      return fail('unsupported-type', '这是扫描件 PDF，没有文字层，无法读取（不支持 OCR 识别）：请提供由 Word/WPS/Excel 直接导出的 PDF，或原始的 Word/Excel 文件', 'a scanned PDF without a text layer (OCR is not supported)');
    }
    const layout: Layout = { source: 'pdf', pages: doc.numPages, blocks: joinPages(pages) };
    return { ok: true, layout };
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') return fail('unsupported-type', 'PDF 设置了打开密码：请取消密码后再导入', 'the PDF is password-protected');
    if (name === 'InvalidPDFException') return fail('invalid-workbook', '这不是有效的 PDF 文件（文件已损坏或改了扩展名）：请重新导出 PDF 后再导入', `invalid PDF: ${(err as Error).message}`);
    return fail('reader-failed', 'PDF 文件无法读取（文件可能已损坏）：请重新导出 PDF 后再导入', `pdfjs failed: ${(err as Error).message}`);
  } finally {
    keepNativePush();
    await task.destroy().catch(() => undefined);
  }
}

function opCodes(lib: PdfJs): OpCodes {
  const O = lib.OPS;
  return {
    save: O.save,
    restore: O.restore,
    transform: O.transform,
    constructPath: O.constructPath,
    stroke: O.stroke,
    closeStroke: O.closeStroke,
    fill: O.fill,
    eoFill: O.eoFill,
    fillStroke: O.fillStroke,
    eoFillStroke: O.eoFillStroke,
    closeFillStroke: O.closeFillStroke,
    closeEOFillStroke: O.closeEOFillStroke,
  };
}

/** `%%EOF` in the last 1 KB: a file cut off in transfer lacks it (writers may append a little junk after it). */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

interface PageBlocks {
  page: number;
  /** Blocks top to bottom; tables keep their grid lines for joining across pages. */
  blocks: Array<{ block: Block; grid?: PageTable }>;
}

function pageBlocks(page: number, items: TextItem[], rules: ReturnType<typeof extractRules>): PageBlocks {
  const { tables, rest } = findLatticeTables(rules, items, page);
  const placed: Array<{ top: number; block: Block; grid?: PageTable }> = tables.map((t) => ({ top: t.box.y1, block: t.table, grid: t }));
  for (const p of groupParagraphs(groupLines(rest))) {
    if (p.text) placed.push({ top: p.box.y1, block: { kind: 'paragraph', text: p.text, page, box: p.box } });
  }
  placed.sort((a, b) => b.top - a.top);
  return { page, blocks: placed.map(({ block, grid }) => (grid ? { block, grid } : { block })) };
}

/**
 * Concatenates the pages' blocks; when a page ends with a table and the next page starts with one whose column
 * edges are the same, the second is appended to the first, its first row dropped when it repeats the first part's
 * first row (a header repeated on every page).
 */
function joinPages(pages: PageBlocks[]): Block[] {
  const out: Block[] = [];
  let open: { table: Table; xs: number[] } | undefined;
  for (const p of pages) {
    let current: typeof open;
    p.blocks.forEach(({ block, grid }, i) => {
      if (i === 0 && grid && open && sameEdges(open.xs, grid.xs)) {
        appendRows(open.table, grid.table, p.page);
        current = open;
      } else {
        out.push(block);
        current = grid ? { table: grid.table, xs: grid.xs } : undefined;
      }
    });
    open = current;
  }
  return out;
}

function sameEdges(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? Number.NaN)) <= EDGE_TOLERANCE);
}

function rowTexts(row: Cell[] | undefined): string {
  return JSON.stringify((row ?? []).map((c) => [c.col, c.colSpan, c.text]));
}

function appendRows(into: Table, part: Table, page: number): void {
  let rows = part.rows;
  if (rows.length > 0 && rowTexts(rows[0]) === rowTexts(into.rows[0])) rows = rows.slice(1);
  const dropped = part.rows.length - rows.length;
  const height = tableHeight(into);
  const lastRow = tableToGrid(into)[height - 1] ?? [];
  const offset = height - dropped;
  rows.forEach((row, i) => {
    const moved: Cell[] = [];
    for (const c of row) {
      // A merged cell cut by the page break: the writer draws the rest as an empty cell at the top of the next page.
      // When the cell above it at the page's end is merged too and has the same columns, the two are one cell.
      const above = i === 0 ? lastRow[c.col] : undefined;
      if (above && c.text === '' && above.rowSpan > 1 && above.col === c.col && above.colSpan === c.colSpan) {
        above.rowSpan += c.rowSpan;
        continue;
      }
      moved.push({ ...c, row: c.row + offset });
    }
    into.rows.push(moved);
  });
  into.pages = [...(into.pages ?? []), page];
}
