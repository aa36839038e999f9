import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { DEFAULT_LIMITS } from '../limits';
import { colLetter, type Grid, type Plain } from './grid';
import { loadWorkbook } from './load-workbook';
import { decodeXml, isDateFormat, parseSharedStrings, readWorkbookParts } from './sheet-xml';
import { countRowsAndCells } from './workbook-guard';
import { districtCompactWorkbook, districtPerRowWorkbook, makeZip, toBytes } from './test-workbooks';
import { writeDepartmentTargetsTemplate } from '../templates/write-department-template';
import { writeProjectTargetsTemplate } from '../templates/write-project-template';

/** What the readers saw when exceljs loaded the workbook (the previous `gridOf`), as the reference. */
function exceljsPlain(v: ExcelJS.CellValue | undefined): Plain {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  // Boolean cells read as no value now (they used to give the names 'TRUE'/'FALSE').
  if (typeof v === 'boolean') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return exceljsPlain((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v && typeof v.text === 'string') return v.text;
    // Error cells read as empty now (they used to give '#N/A' and the like).
    if ('error' in v) return null;
  }
  return null;
}

async function exceljsView(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return {
    keywords: book.keywords ?? '',
    sheets: book.worksheets.map((s) => {
      let colCount = 0;
      s.eachRow({ includeEmpty: false }, (row) => {
        colCount = Math.max(colCount, row.cellCount);
      });
      return { name: s.name, rowCount: s.rowCount, colCount, sheet: s };
    }),
  };
}

const enc = (s: string) => new TextEncoder().encode(s);

const oneSheetBook = (sheet: string) =>
  makeZip([
    { name: 'xl/workbook.xml', data: enc('<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: enc('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: enc(sheet) },
  ]);

const oneSheetParts = (sheet: string) =>
  new Map([
    ['xl/workbook.xml', '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);

async function grids(bytes: Uint8Array) {
  const loaded = await loadWorkbook('t.xlsx', bytes, DEFAULT_LIMITS);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded;
}

function dump(grid: Grid, rows: number, cols: number) {
  const out: Array<[string, Plain, string]> = [];
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) out.push([`${colLetter(c)}${r}`, grid.value(r, c), grid.origin(r, c)]);
  return out;
}

async function expectSameAsExceljs(bytes: Uint8Array) {
  const ref = await exceljsView(bytes);
  const ours = await grids(bytes);
  expect(ours.keywords).toBe(ref.keywords);
  expect(ours.grids.map((g) => [g.name, g.rowCount, g.colCount])).toEqual(ref.sheets.map((s) => [s.name, s.rowCount, s.colCount]));
  ref.sheets.forEach((s, i) => {
    const grid = ours.grids[i] as Grid;
    const rows = s.rowCount + 1;
    const cols = s.colCount + 1;
    const expected: Array<[string, Plain, string]> = [];
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const cell = s.sheet.findRow(r)?.findCell(c);
        expected.push([`${colLetter(c)}${r}`, cell ? exceljsPlain(cell.value) : null, cell?.isMerged ? cell.master.address : `${colLetter(c)}${r}`]);
      }
    }
    expect(dump(grid, rows, cols)).toEqual(expected);
  });
}

describe('sheet-xml grids', () => {
  it('give what exceljs gave for the templates and the district workbooks', async () => {
    expect.hasAssertions();
    const doc = buildDocument({ projects: [buildProject({ name: '项目 & <甲>', goal: '第一行\n第二行  ' })] });
    await expectSameAsExceljs(await writeProjectTargetsTemplate(doc));
    await expectSameAsExceljs(await writeProjectTargetsTemplate());
    await expectSameAsExceljs(await writeDepartmentTargetsTemplate());
    await expectSameAsExceljs(await districtCompactWorkbook());
    await expectSameAsExceljs(await districtPerRowWorkbook());
  });

  it('read dates, booleans, formulas, rich text, hyperlinks and error cells as exceljs did', async () => {
    expect.hasAssertions();
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('值 "A" & B');
    s.getCell('A1').value = new Date(Date.UTC(2024, 2, 15));
    s.getCell('B1').value = 45366;
    s.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
    s.getCell('C1').value = 45366;
    s.getCell('C1').numFmt = '#,##0.00';
    s.getCell('D1').value = true;
    s.getCell('E1').value = { formula: 'B1+1', result: 45367 };
    s.getCell('E1').numFmt = 'yyyy-mm-dd';
    s.getCell('F1').value = { formula: 'CONCAT("a","b")', result: 'a&b' };
    s.getCell('G1').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }, { text: ' <x>' }] };
    s.getCell('H1').value = { text: '链接', hyperlink: 'https://example.com/?a=1&b=2' };
    s.getCell('I1').value = { error: '#N/A' };
    s.getCell('J1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    s.getCell('A3').value = '  spaced\ttext  ';
    s.getCell('B3').value = 'emoji 😀 &#65;';
    s.getCell('C3').value = -0.000123;
    s.mergeCells('A5:C6');
    s.getCell('A5').value = 'merged';
    book.addWorksheet('empty');
    book.keywords = 'jixiao & co';
    await expectSameAsExceljs(await toBytes(book));
  });

  it('reads inline strings, entities, xml:space and rich-text shared strings written by other tools', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: enc(`<workbook ${ns}><sheets><sheet name="S&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: enc('<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://x/sharedStrings" Target="sharedStrings.xml"/></Relationships>') },
      {
        name: 'xl/sharedStrings.xml',
        data: enc('<sst><si><t xml:space="preserve"> a &lt;b&gt; </t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文</t></r><rPh><t>ふ</t></rPh></si><si/><si><t>x_x000D_y&#x4E2D;&#20013;</t></si></sst>'),
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: enc(
          `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &amp; 串</t></is></c><c r="B2" t="str"><f>A1</f><v>&quot;q&quot;</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#REF!</v></c><c r="E2"><v>1.5E3</v></c></row>' +
            '<row><c t="s"><v>1</v></c><c><v>7</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C2:D3"/></mergeCells></worksheet>',
        ),
      },
    ]);
    const { grids: [g] } = await grids(zip);
    expect(g?.name).toBe('S&1');
    expect([g?.value(1, 1), g?.value(1, 2), g?.value(1, 3), g?.value(1, 4)]).toEqual([' a <b> ', '富文', '', 'x\ry中中']);
    expect([g?.value(2, 1), g?.value(2, 2), g?.value(2, 3), g?.value(2, 4), g?.value(2, 5)]).toEqual(['内联 & 串', '"q"', null, null, 1500]);
    expect([g?.value(3, 1), g?.value(3, 2), g?.value(3, 4), g?.origin(3, 4)]).toEqual(['富文', 7, null, 'C2']);
    expect([g?.rowCount, g?.colCount]).toEqual([3, 5]);
  });

  it('refuses rows past the limit and merged ranges larger than the cell limit', async () => {
    const huge = await loadWorkbook('m.xlsx', oneSheetBook('<worksheet><sheetData/><mergeCells><mergeCell ref="A1:XFD100000"/></mergeCells></worksheet>'), DEFAULT_LIMITS);
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-workbook' } });
    const far = await loadWorkbook('r.xlsx', oneSheetBook('<worksheet><sheetData><row r="1"><c r="A999999"><v>1</v></c></row></sheetData></worksheet>'), DEFAULT_LIMITS);
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid-workbook' } });
  });

  it('stays linear on damaged XML: unclosed cells and tags are refused at once', () => {
    const limits = { maxRowsPerSheet: 200_000, maxColumnsPerSheet: 1024, maxSheetArea: 4_000_000, maxMergedCells: 1_000_000 };
    const t0 = performance.now();
    expect(() => readWorkbookParts(oneSheetParts(`<worksheet><sheetData><row r="1">${'<c r="A1"><v>1</v>'.repeat(200_000)}</row></sheetData></worksheet>`), limits)).toThrow('is not closed');
    expect(() => readWorkbookParts(oneSheetParts(`<worksheet><sheetData>${'<row <c '.repeat(200_000)}`), limits)).toThrow('is not closed');
    expect(countRowsAndCells('<row <c '.repeat(200_000)).cells).toBe(200_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('decodes entities and knows date formats as exceljs does', () => {
    expect(decodeXml('&amp;lt; &#65;&#x42; &quot;&apos; &bogus; &#xD800;')).toBe('&lt; AB "\' &bogus; &#xD800;');
    expect(isDateFormat('yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('[Red]#,##0.00;"m"')).toBe(false);
    expect(parseSharedStrings('<sst><si><t/></si><si><t>a</t></si></sst>')).toEqual(['', 'a']);
  });
});
