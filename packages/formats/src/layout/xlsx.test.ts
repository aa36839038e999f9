import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { makeZip } from '../xlsx/test-workbooks';
import { writeProjectTargetsTemplate } from '../templates/write-project-template';
import { layoutFixture } from './fixtures.test-util';
import { cellAt, tablesOf, tableTexts, type Layout, type Table } from './model';
import { readXlsxLayout } from './xlsx';

function read(bytes: Uint8Array, name = 'book.xlsx'): Layout {
  const r = readXlsxLayout(bytes, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.layout;
}

function onlyTable(layout: Layout): Table {
  const tables = tablesOf(layout);
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

function paragraphs(layout: Layout): string[] {
  return layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

const spans = (t: Table) => t.rows.flat().filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);

describe('readXlsxLayout on the 部门预算项目绩效目标申报表 saved by LibreOffice Calc (fixtures/layout)', () => {
  const layout = read(layoutFixture('project-targets.xlsx'), 'project-targets.xlsx');
  const table = onlyTable(layout);

  it('turns the title rows above the grid into paragraphs and names the sheet on the table', () => {
    expect(layout.source).toBe('xlsx');
    expect(paragraphs(layout)).toEqual(['部门预算项目绩效目标申报表(2023年度)', '金额单位:元']);
    expect(layout.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    expect(table.sheet).toBe('Sheet1');
  });

  it('reads merged ranges as spans at their top-left, and drops nothing but empty trailing rows and columns', () => {
    expect(tableTexts(table)[0]).toEqual(['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性']);
    expect(table.rows[1]?.[0]).toMatchObject({ text: '820-马踏镇部门', row: 1, col: 0, colSpan: 2, rowSpan: 1 });
    expect(cellAt(table, 14, 0)).toMatchObject({ text: '820001-井研县马踏镇人民政府', row: 2, rowSpan: 13 });
    expect(cellAt(table, 12, 1)).toMatchObject({ text: '基层组织活动经费', row: 10, rowSpan: 5 });
    expect(spans(table)).toEqual([[1, 0, 1, 2], [2, 0, 13, 1], [2, 1, 8, 1], [2, 2, 8, 1], [2, 3, 8, 1], [10, 1, 5, 1], [10, 2, 5, 1], [10, 3, 5, 1]]);
    expect(tableTexts(table)).toHaveLength(15);
    expect(tableTexts(table).every((r) => r.length === 12)).toBe(true);
  });

  it('keeps each number as the file wrote it in <v>', () => {
    // Calc stored "8,827,620.53" typed in the HTML as the number 8827620.53: the digits, not a reformatted float.
    expect(cellAt(table, 1, 2)?.text).toBe('8827620.53');
    expect(cellAt(table, 2, 2)?.text).toBe('3309840');
    expect(tableTexts(table)[14]).toEqual(['820001-井研县马踏镇人民政府', '基层组织活动经费', '660000', expect.stringContaining('村社区办公经费'), '产出指标', '数量指标', '行政村数量', '=', '11', '个', '10', '正向指标']);
  });
});

describe('readXlsxLayout on the 项目支出绩效自评表 saved by LibreOffice Calc (sample 03, 廊坊)', () => {
  const layout = read(layoutFixture('project-selfeval.xlsx'), 'project-selfeval.xlsx');
  const table = onlyTable(layout);

  it('has the same title paragraphs as the .docx of the same form', () => {
    expect(paragraphs(layout)).toEqual(['附件1', '项目支出绩效自评表', '（2019年度）']);
  });

  it('reads the merged header and the indicator grid with their spans', () => {
    expect(table.rows[0]?.[1]).toMatchObject({ text: '办公宿舍楼、食堂及餐厅暖通改造经费', col: 1, colSpan: 8 });
    expect(cellAt(table, 6, 0)).toMatchObject({ text: '项目资金\n（万元）', row: 2, rowSpan: 5 });
    expect(cellAt(table, 21, 0)).toMatchObject({ text: '产出指标', row: 10, rowSpan: 12 });
    const row = tableTexts(table).find((r) => r.includes('指标1工程资金金额'));
    expect(row).toEqual(['产出指标', '数量指标', '指标1工程资金金额', '指标1工程资金金额', '43.2', '37.24', '10', '9', '已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。']);
    expect(tableTexts(table).find((r) => r[1] === '年度资金总额')?.slice(3)).toEqual(['43.2', '43.2', '37.24', '10', '86%', '9']);
  });
});

const enc = (s: string) => new TextEncoder().encode(s);

/** A workbook written by hand: the parts exactly as the test gives them. */
function workbook(sheets: Array<{ name: string; xml: string }>, sharedStrings: string[], styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>'): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return makeZip([
    { name: '[Content_Types].xml', data: enc('<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
    { name: 'xl/workbook.xml', data: enc(`<workbook ${ns}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(`<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    },
    { name: 'xl/sharedStrings.xml', data: enc(`<sst ${ns}>${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`) },
    { name: 'xl/styles.xml', data: enc(styles) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: enc(`<worksheet ${ns}>${s.xml}</worksheet>`) })),
  ]);
}

describe('readXlsxLayout on hand-written sheets', () => {
  const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
  const sheet1 = `<sheetData>
    <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="0"/><c r="C2"/><c r="D2"/></row>
    <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><t>完成率</t></is></c><c r="D3" t="s"><v>3</v></c></row>
    <row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4"><v>0.30000000000000004</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#DIV/0!</v></c></row>
    <row r="5"><c r="A5" t="str"><f>"00"&amp;"7"</f><v>007</v></c><c r="B5" s="1"><v>45292</v></c><c r="C5"><f>B4*2</f><v>1.2E-3</v></c><c r="D5" t="n"><v>16.56</v></c></row>
    <row r="6"><c r="A6" s="0"/><c r="F6" s="0"/></row>
    <row r="9"/>
  </sheetData><mergeCells count="1"><mergeCell ref="A2:D2"/></mergeCells>`;
  const layout = read(
    workbook(
      [
        { name: '自评表', xml: sheet1 },
        { name: '空表', xml: '<sheetData><row r="1"><c r="A1" s="0"/></row></sheetData>' },
        { name: '第二表', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row></sheetData>' },
      ],
      ['2024年度项目支出绩效自评表', '项目名称', '预算数', '备注', '001'],
      styles,
    ),
  );

  it('reads a title merged across the width as a paragraph and every sheet with text as a table', () => {
    expect(layout.blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ${b.sheet}`))).toEqual(['2024年度项目支出绩效自评表', 'table 自评表', 'table 第二表']);
  });

  it('keeps text as text, numbers as written, dates as dates, booleans and errors as shown', () => {
    const table = tablesOf(layout)[0]!;
    expect(tableTexts(table)).toEqual([
      ['项目名称', '预算数', '完成率', '备注'],
      ['001', '0.30000000000000004', 'TRUE', '#DIV/0!'],
      ['007', '2024-01-01', '1.2E-3', '16.56'],
    ]);
    expect(table.rows[0]?.[0]).toMatchObject({ row: 0, col: 0, rowSpan: 1, colSpan: 1 });
  });

  it('keeps an empty row inside the grid but drops empty rows and columns after it', () => {
    const bytes = workbook([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c r="A3"><v>5</v></c></row><row r="7"><c r="H7" s="0"/></row></sheetData>' }], ['名称', '金额']);
    expect(tableTexts(onlyTable(read(bytes)))).toEqual([['名称', '金额'], ['', ''], ['5', '']]);
  });

  it('does not take a header merged down from the first row for a title', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells>';
    const l = read(workbook([{ name: 'S', xml }], ['项目名称', '金额']));
    expect(paragraphs(l)).toEqual([]);
    expect(onlyTable(l).rows[0]?.[0]).toMatchObject({ text: '项目名称', rowSpan: 2 });
  });

  it('refuses a sheet past the column limit, naming the sheet and the cell, through the workbook guard', () => {
    const r = readXlsxLayout(workbook([{ name: '宽表', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="AMK1"><v>2</v></c></row></sheetData>' }], []), 'wide.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unsafe-workbook');
    expect(r.error.message).toContain('宽表');
    expect(r.error.message).toContain('AMK1');
  });

  it('refuses what is not a workbook without throwing', () => {
    const r = readXlsxLayout(new TextEncoder().encode('项目名称\t金额'), 'a.xlsx');
    expect(r.ok ? null : r.error.code).toBe('invalid-workbook');
    const docx = readXlsxLayout(layoutFixture('project-targets.docx'), 'b.xlsx');
    expect(docx.ok ? null : docx.error.message).toContain('Word');
  });
});

describe('readXlsxLayout reads back the workbook jixiao writes (项目绩效目标 template)', async () => {
  const document = buildDocument({
    department: '广州市荔湾区人民政府金花街道办事处',
    year: 2024,
    units: [
      {
        name: '广州市荔湾区人民政府金花街道办事处',
        code: '064005',
        statedAmount: 77.36,
        projects: [
          buildProject({
            name: '街消毒站病媒生物防治专职人员补贴',
            amount: 16.56,
            funding: { fiscal: 16.56, specialAccount: null, other: null },
            indicators: [{ name: '补贴发放率', annual: '100%', period: '100%', levels: '1-产出指标; 12-质量指标' }],
          }),
        ],
      },
    ],
  });
  const layout = read(await writeProjectTargetsTemplate(document), 'template.xlsx');

  it('finds the project, its amount and its indicator in one table row each', () => {
    const tables = tablesOf(layout);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((t) => typeof t.sheet === 'string' && t.sheet !== '')).toBe(true);
    const rows = tables.flatMap((t) => tableTexts(t));
    const project = rows.find((r) => r.includes('街消毒站病媒生物防治专职人员补贴'));
    expect(project).toBeDefined();
    expect(project).toContain('16.56');
    expect(rows.some((r) => r.includes('补贴发放率') && r.includes('100%'))).toBe(true);
  });
});
