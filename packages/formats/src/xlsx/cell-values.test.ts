import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits';
import { readDocument } from '../read-document';
import { readWorkbookParts } from './sheet-xml';
import { makeZip } from './test-workbooks';

const LIMITS = { maxRowsPerSheet: 200_000, maxColumnsPerSheet: 1024, maxSheetArea: 4_000_000, maxMergedCells: 1_000_000 };

const parts = (sheetData: string, shared: string[] = []) =>
  new Map([
    ['xl/workbook.xml', '<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/sharedStrings.xml', `<sst>${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`],
  ]);

const grid = (sheetData: string, shared: string[] = []) => readWorkbookParts(parts(sheetData, shared), LIMITS).grids[0]!;

describe('cell values are read as the sheet shows them, never invented', () => {
  it('a shared-string cell with a formula reads the shared string its <v> points at, not the index', () => {
    const g = grid('<row r="1"><c r="A1" t="s"><f>B1</f><v>1</v></c><c r="B1" t="s"><v>1</v></c></row>', ['甲项目', '乙项目']);
    expect(g.value(1, 1)).toBe('乙项目');
    expect(g.value(1, 2)).toBe('乙项目');
  });

  it('a formula with a cached string result (t="str") reads the string', () => {
    const g = grid('<row r="1"><c r="A1" t="str"><f>CONCAT("a","b")</f><v>2 &amp; 3</v></c></row>');
    expect(g.value(1, 1)).toBe('2 & 3');
  });

  it('a shared-string index that points nowhere reads as empty', () => {
    const g = grid('<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>x</v></c></row>', ['甲']);
    expect(g.value(1, 1)).toBeNull();
    expect(g.value(1, 2)).toBeNull();
  });

  it('boolean cells read as no value, never as the names TRUE/FALSE', () => {
    const g = grid('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><f>1=1</f><v>0</v></c><c r="C1"><v>3</v></c></row>');
    expect(g.value(1, 1)).toBeNull();
    expect(g.value(1, 2)).toBeNull();
    expect(g.value(1, 3)).toBe(3);
  });
});

const enc = (s: string) => new TextEncoder().encode(s);
const book = (sheetData: string) =>
  makeZip([
    { name: 'xl/workbook.xml', data: enc('<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: enc('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: enc(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`) },
  ]);

describe('sheet range limits', () => {

  it('refuses 100,000 one-cell rows plus one cell in column XFD, naming the sheet and the cell', async () => {
    // The file that took 27 s: every reader walked 100,001 rows × 16,384 columns.
    const rows: string[] = [];
    for (let r = 1; r <= 100_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    rows.push('<row r="100001"><c r="XFD100001"><v>1</v></c></row>');
    const result = await readDocument({ fileName: 'wide.xlsx', bytes: book(rows.join('')) });
    if (result.ok) throw new Error('read a workbook beyond the limits');
    expect(result.error.code).toBe('unsafe-workbook');
    expect(result.error.message).toContain('工作表“Sheet1”在 XFD100001 有内容，超出可读取的范围（最多 1024 列');
    expect(result.error.message.startsWith('wide.xlsx: ')).toBe(true);
    expect(result.error.message).not.toContain('\n');
  });

  it('refuses a used range over the cell limit even within the column limit', async () => {
    const result = await readDocument(
      { fileName: 'area.xlsx', bytes: book('<row r="1"><c r="J1"><v>1</v></c></row><row r="2000"><c r="A2000"><v>1</v></c></row>') },
      { ...DEFAULT_LIMITS, maxSheetArea: 10_000 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unsafe-workbook', message: expect.stringContaining('工作表“Sheet1”在 J2000 有内容') } });
  });

  it('reads a sheet within the limits', () => {
    const g = grid('<row r="1"><c r="AMJ1"><v>5</v></c></row>');
    expect(g.colCount).toBe(1024);
    expect(g.value(1, 1024)).toBe(5);
  });
});

describe('a project table without a unit column or unit rows', () => {
  it('leaves the unit name empty and reports it, rather than storing a placeholder unit', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目');
    sheet.addRow(['项目名称', '金额', '财政拨款', '绩效目标']);
    sheet.addRow(['社区活动经费', 10, 10, '开展活动。']);
    sheet.addRow(['环境整治经费', 5, 5, '改善环境。']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readDocument({ fileName: 'no-unit.xlsx', bytes });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.document.units.map((u) => [u.name, u.projects.map((p) => p.name)])).toEqual([['', ['社区活动经费', '环境整治经费']]]);
    expect(result.document.problems).toContainEqual(expect.objectContaining({ code: 'unit-not-stated', message: expect.stringContaining('单位名称留空') }));
  });
});
