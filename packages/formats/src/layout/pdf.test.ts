import { describe, expect, it } from 'vitest';
import { readDocxLayout } from './docx';
import { layoutFixture } from './fixtures.test-util';
import { tablesOf, tableToGrid, type Layout, type Table } from './model';
import { readPdfLayout } from './pdf';

async function readPdf(name: string): Promise<Layout> {
  const r = await readPdfLayout(layoutFixture(name), name);
  if (!r.ok) throw new Error(r.error.message);
  return r.layout;
}

function onlyTable(layout: Layout): Table {
  const tables = tablesOf(layout);
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/**
 * Each grid row as the texts of the distinct cells that cover it, left to right, without whitespace: the same for a
 * .docx and the PDF printed from it, although the PDF grid has no column where Word's grid has one no rule marks.
 */
function rowsOfCells(table: Table): string[][] {
  return tableToGrid(table).map((row) => row.filter((c, i) => c !== null && c !== row[i - 1]).map((c) => (c?.text ?? '').replace(/\s+/g, '')));
}

describe('readPdfLayout on the LibreOffice PDF of the 项目支出绩效自评表 (sample 03, 廊坊)', () => {
  it('reads the title paragraphs and one table over two pages, cell for cell as the .docx', async () => {
    const t0 = performance.now();
    const layout = await readPdf('project-selfeval.pdf');
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(layout).toMatchObject({ source: 'pdf', pages: 2 });
    expect(layout.blocks.slice(0, 3)).toMatchObject([
      { kind: 'paragraph', text: '附件1', page: 1 },
      { kind: 'paragraph', text: '项目支出绩效自评表', page: 1 },
      { kind: 'paragraph', text: '（2019年度）', page: 1 },
    ]);
    const table = onlyTable(layout);
    expect(table.pages).toEqual([1, 2]);
    const docx = readDocxLayout(layoutFixture('project-selfeval.docx'));
    if (!docx.ok) throw new Error(docx.error.message);
    expect(rowsOfCells(table)).toEqual(rowsOfCells(tablesOf(docx.layout)[0]!));
  });

  it('has the key cells where a recogniser will look for them', async () => {
    const table = onlyTable(await readPdf('project-selfeval.pdf'));
    const rows = rowsOfCells(table);
    expect(rows[0]).toEqual(['项目名称', '办公宿舍楼、食堂及餐厅暖通改造经费']);
    expect(rows.find((r) => r.includes('年度资金总额'))).toEqual(['项目资金（万元）', '年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9']);
    expect(rows.find((r) => r.includes('指标1工程资金金额'))).toEqual(['产出指标', '数量指标', '指标1工程资金金额', '43.2', '37.24', '10', '9', '已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。']);
    // 分值 and 得分 sit in two narrow cells that pdfjs reports as one text item: split at the rule between them.
    expect(rows.find((r) => r.includes('一级指标'))).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    const headerCell = table.rows[0]?.[1];
    expect(headerCell).toMatchObject({ row: 0, col: 1, rowSpan: 1, page: 1 });
    expect(headerCell?.colSpan).toBeGreaterThanOrEqual(6);
  });
});

describe('readPdfLayout on the 绩效目标申报表 of 马踏镇 (sample 11), landscape, header repeated on page 2', () => {
  it('is one table: the repeated header dropped, merged cells cut by the page break joined', async () => {
    const layout = await readPdf('project-targets.pdf');
    const table = onlyTable(layout);
    expect(table.pages).toEqual([1, 2]);
    const rows = rowsOfCells(table);
    expect(rows.filter((r) => r[0] === '单位名称')).toHaveLength(1);
    const docx = readDocxLayout(layoutFixture('project-targets.docx'));
    if (!docx.ok) throw new Error(docx.error.message);
    expect(rows).toEqual(rowsOfCells(tablesOf(docx.layout)[0]!));
    expect(rows.find((r) => r.includes('行政村数量'))?.slice(4)).toEqual(['产出指标', '数量指标', '行政村数量', '=', '11', '个', '10', '正向指标']);
  });
});

/** A one-page PDF with correct xref offsets, drawing `content` (no fonts: no text unless the content shows some). */
function tinyPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('readPdfLayout refuses, never throws', () => {
  it('a scan: pages with drawing and no text layer', async () => {
    const r = await readPdfLayout(tinyPdf('0 0 0 rg 10 10 100 100 re f'), 'scan.pdf');
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported-type', file: 'scan.pdf', message: expect.stringContaining('扫描件') as unknown as string } });
  });

  it('a PDF cut off in transfer', async () => {
    const bytes = layoutFixture('project-selfeval.pdf');
    const r = await readPdfLayout(bytes.subarray(0, bytes.length >> 1), 'cut.pdf');
    expect(r).toMatchObject({ ok: false, error: { code: 'truncated', file: 'cut.pdf' } });
  });

  it('garbage behind a PDF header', async () => {
    const r = await readPdfLayout(new TextEncoder().encode('%PDF-1.7\n这不是PDF\n%%EOF\n'), 'bad.pdf');
    expect(r.ok).toBe(false);
  });

  it('a PDF whose middle is damaged', async () => {
    const copy = new Uint8Array(layoutFixture('project-targets.pdf'));
    for (let i = 2000; i < copy.length - 3000; i += 7) copy[i] = 0x20;
    const r = await readPdfLayout(copy, 'damaged.pdf');
    // pdfjs may recover some text or none: either a layout or a refusal, but no exception.
    expect(typeof r.ok).toBe('boolean');
  });

  it('leaves the caller’s buffer usable (pdfjs detaches what it is given)', async () => {
    const bytes = layoutFixture('project-targets.pdf');
    const length = bytes.length;
    await readPdfLayout(bytes);
    expect(bytes.length).toBe(length);
    expect(bytes[0]).toBe(0x25);
  });
});

/** Taken when this file loads: pdf.ts imports pdfjs only on the first read, so this is still the engine's own push. */
const enginePush = Array.prototype.push;

describe('readPdfLayout leaves the process as fast as it found it', () => {
  it('puts back the native Array.prototype.push that pdfjs’s bundled core-js replaces', async () => {
    const r = await readPdfLayout(layoutFixture('project-targets.pdf'), 'project-targets.pdf');
    expect(r.ok).toBe(true);
    expect(Array.prototype.push).toBe(enginePush);
    const a = [1];
    expect(a.push(2, 3)).toBe(3);
    expect(a).toEqual([1, 2, 3]);
  });
});
