import { describe, expect, it } from 'vitest';
import { readDocxLayout, parseDocumentXml } from './docx';
import { layoutFixture } from './fixtures.test-util';
import { entryDataOffset, readZipDirectory } from '../xlsx/zip-directory';
import { cellAt, tablesOf, tableTexts, type Layout, type Table } from './model';

function read(name: string): Layout {
  const r = readDocxLayout(layoutFixture(name), name);
  if (!r.ok) throw new Error(r.error.message);
  return r.layout;
}

/** The grid row whose cells (merged owners repeated) include all of `texts`. */
function rowWith(table: Table, ...texts: string[]): string[] {
  const row = tableTexts(table).find((r) => texts.every((t) => r.includes(t)));
  if (!row) throw new Error(`no row with ${texts.join(', ')}`);
  return row;
}

describe('readDocxLayout on the 项目支出绩效自评表 made by LibreOffice (sample 03, 廊坊)', () => {
  const layout = read('project-selfeval.docx');
  const [table] = tablesOf(layout);

  it('keeps the paragraphs before the table in order', () => {
    expect(layout.source).toBe('docx');
    expect(layout.blocks.slice(0, 3).map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual(['附件1', '项目支出绩效自评表', '（2019年度）']);
    expect(layout.blocks[3]?.kind).toBe('table');
    expect(tablesOf(layout)).toHaveLength(1);
  });

  it('reads merged header cells with their spans at their top-left', () => {
    if (!table) throw new Error('no table');
    expect(table.rows[0]?.[1]).toMatchObject({ text: '办公宿舍楼、食堂及餐厅暖通改造经费', row: 0, col: 1, colSpan: 8, rowSpan: 1 });
    expect(cellAt(table, 1, 5)).toMatchObject({ text: '廊坊市食品工程学校', col: 5, colSpan: 4 });
    // 项目资金（万元） spans the five funding rows (vMerge restart + four continues); its line break is kept.
    expect(cellAt(table, 6, 0)).toMatchObject({ text: '项目资金\n（万元）', row: 2, col: 0, rowSpan: 5, colSpan: 1 });
    // 产出指标 covers its 12 indicator rows (four 二级 × 指标1 / 指标2 / ……).
    expect(cellAt(table, 21, 0)).toMatchObject({ text: '产出指标', row: 10, rowSpan: 12 });
    expect(cellAt(table, 10, 2)).toMatchObject({ text: '指标1工程资金金额', colSpan: 2 });
  });

  it('puts each indicator in the row with its target, actual value, weight and score', () => {
    if (!table) throw new Error('no table');
    expect(rowWith(table, '指标1工程资金金额')).toEqual(['产出指标', '数量指标', '指标1工程资金金额', '指标1工程资金金额', '43.2', '37.24', '10', '9', '已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。']);
    expect(rowWith(table, '指标2工程验收合格率').slice(0, 8)).toEqual(['产出指标', '质量指标', '指标2工程验收合格率', '指标2工程验收合格率', '100', '100', '10', '10']);
    expect(rowWith(table, '指标1学生满意度').slice(0, 2)).toEqual(['满意度指标', '服务对象满意度指标']);
    expect(rowWith(table, '年度资金总额').slice(3)).toEqual(['43.2', '43.2', '37.24', '10', '86%', '9']);
  });
});

describe('readDocxLayout on the 绩效目标申报表 of 马踏镇 (sample 11, 井研)', () => {
  const [table] = tablesOf(read('project-targets.docx'));
  it('restores the project cells merged down over their indicator rows', () => {
    if (!table) throw new Error('no table');
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性']);
    expect(cellAt(table, 14, 0)).toMatchObject({ text: '820001-井研县马踏镇人民政府', row: 2, rowSpan: 13 });
    expect(cellAt(table, 9, 2)).toMatchObject({ text: '3,309,840.00', row: 2, rowSpan: 8 });
    expect(rowWith(table, '行政村数量')).toEqual(['820001-井研县马踏镇人民政府', '基层组织活动经费', '660,000.00', expect.stringContaining('基层党组织开展组织活动') as unknown as string, '产出指标', '数量指标', '行政村数量', '=', '11', '个', '10', '正向指标']);
    expect(table.rows[1]?.[0]).toMatchObject({ text: '820-马踏镇部门', colSpan: 2 });
  });
});

const W = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;

describe('parseDocumentXml', () => {
  it('turns tabs and breaks into characters, skips tab stops, deleted text and entities decoded', () => {
    const xml = W(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>项目名称</w:t><w:tab/><w:t xml:space="preserve">A&amp;B </w:t><w:br/><w:t>第二行</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del></w:p>`);
    expect(parseDocumentXml(xml)).toEqual([{ kind: 'paragraph', text: '项目名称\tA&B \n第二行' }]);
  });

  it('puts a nested table after the outer one, and merges vMerge continuations into the owner', () => {
    const inner = `<w:tbl><w:tr>${tc(p('内'))}</w:tr></w:tbl>`;
    const xml = W(
      `<w:tbl><w:tr>${tc(p('一级指标'), '<w:vMerge w:val="restart"/>')}${tc(p('a') + p('b'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr><w:trPr/>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('c') + inner)}${tc(p('d'))}</w:tr></w:tbl>` + p('后'),
    );
    const blocks = parseDocumentXml(xml);
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'table', 'paragraph']);
    const outer = blocks[0] as Table;
    expect(outer.rows[0]).toEqual([
      { text: '一级指标', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
      { text: 'a\nb', row: 0, col: 1, rowSpan: 1, colSpan: 2 },
    ]);
    expect(outer.rows[1]?.map((c) => [c.text, c.col])).toEqual([['c', 1], ['d', 2]]);
    expect((blocks[1] as Table).rows[0]?.[0]?.text).toBe('内');
  });

  it('throws on XML cut off inside an element (readDocxLayout turns it into a refusal)', () => {
    expect(() => parseDocumentXml(W(p('x')).slice(0, -30))).toThrow('open element');
  });
});

describe('hostile .docx input is refused with a ReadError, never thrown', () => {
  const bytes = layoutFixture('project-selfeval.docx');
  it.each([
    ['cut in half', bytes.subarray(0, bytes.length >> 1), 'truncated'],
    ['cut before the end of the directory', bytes.subarray(0, bytes.length - 10), 'truncated'],
    ['empty', new Uint8Array(0), 'invalid-workbook'],
    ['plain text', new TextEncoder().encode('项目名称\t办公宿舍楼'), 'invalid-workbook'],
  ])('%s', (_, input, code) => {
    const r = readDocxLayout(input, 'x.docx');
    expect(r).toMatchObject({ ok: false, error: { code, file: 'x.docx', message: expect.stringMatching(/^x\.docx: /) as unknown as string } });
  });

  it('an old .doc (OLE compound file) is named as such', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readDocxLayout(ole, 'x.doc')).toMatchObject({ ok: false, error: { code: 'unsupported-type', message: expect.stringContaining('.doc') as unknown as string } });
  });

  it('a directory that lies about the inflated size of document.xml (a zip bomb) is refused', () => {
    const copy = new Uint8Array(bytes);
    const view = new DataView(copy.buffer);
    const dir = readZipDirectory(copy);
    if (!dir.ok) throw new Error('not a zip');
    // Find the central-directory header of word/document.xml and halve its uncompressed size.
    const name = new TextEncoder().encode('word/document.xml');
    for (let at = 0; at + 46 + name.length < copy.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (!name.every((b, i) => copy[at + 46 + i] === b)) continue;
      view.setUint32(at + 24, view.getUint32(at + 24, true) >> 1, true);
    }
    expect(readDocxLayout(copy, 'x.docx')).toMatchObject({ ok: false, error: { code: 'unsafe-workbook', message: expect.stringContaining('压缩炸弹') as unknown as string } });
  });

  it('a corrupt document.xml deflate stream', () => {
    const copy = new Uint8Array(bytes);
    const dir = readZipDirectory(copy);
    const entry = dir.ok ? dir.entries.find((e) => e.name === 'word/document.xml') : undefined;
    if (!entry) throw new Error('no document.xml');
    const start = entryDataOffset(copy, entry);
    for (let i = start + 100; i < start + 400; i++) copy[i] = (copy[i] ?? 0) ^ 0x5a;
    const r = readDocxLayout(copy, 'x.docx');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-workbook', message: expect.stringContaining('word/document.xml') as unknown as string } });
  });
});
