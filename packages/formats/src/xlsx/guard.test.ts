import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../limits';
import { readDocument, type ReadResult } from '../read-document';
import { makeZip, toBytes } from './test-workbooks';
import { writeProjectTargetsTemplate } from '../templates/write-project-template';

const WORKBOOK_XML = new TextEncoder().encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');

async function refused(fileName: string, bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  let result: ReadResult | undefined;
  await expect(
    (async () => {
      result = await readDocument({ fileName, bytes }, limits);
    })(),
  ).resolves.toBeUndefined();
  expect(result?.ok).toBe(false);
  if (!result || result.ok) throw new Error('accepted');
  // One line, naming the file, Chinese then English.
  expect(result.error.message).not.toContain('\n');
  expect(result.error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(result.error.message).toMatch(/[\u4e00-\u9fff].*\([A-Za-z].*\)$/);
  return result.error;
}

describe('workbook guard', () => {
  it('refuses a zip bomb (a huge, highly compressible entry) before inflating it', async () => {
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK_XML },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await refused('bomb.xlsx', bomb);
    expect(error.code).toBe('unsafe-workbook');
    expect(error.message).toContain('压缩炸弹');
    expect(error.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses an entry that inflates beyond the size its directory declares', async () => {
    const liar = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK_XML },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4 * 1024 * 1024), declaredSize: 100_000 },
    ]);
    const error = await refused('liar.xlsx', liar);
    expect(error.code).toBe('unsafe-workbook');
    expect(error.message).toContain('与声明不符');
  });

  it('refuses a workbook whose total uncompressed size is over the limit', async () => {
    const big = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK_XML },
      { name: 'xl/media/a.bin', data: new Uint8Array(2 * 1024 * 1024), store: true },
    ]);
    const error = await refused('big.xlsx', big, { ...DEFAULT_LIMITS, maxWorkbookUncompressedBytes: 1024 * 1024 });
    expect(error.code).toBe('unsafe-workbook');
    expect(error.message).toContain('解压后');
  });

  it('refuses too many entries', async () => {
    const parts = [{ name: 'xl/workbook.xml', data: WORKBOOK_XML }, ...Array.from({ length: 30 }, (_, i) => ({ name: `x/${i}.xml`, data: new Uint8Array(10) }))];
    const error = await refused('many.xlsx', makeZip(parts), { ...DEFAULT_LIMITS, maxWorkbookEntries: 20 });
    expect(error.code).toBe('unsafe-workbook');
  });

  it('refuses a sheet with too many rows, naming the sheet', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('项目');
    s.addRow(['项目名称', '金额', '绩效目标']);
    for (let i = 0; i < 150; i++) s.addRow([`项目${i}`, i, '目标']);
    const error = await refused('rows.xlsx', await toBytes(book), { ...DEFAULT_LIMITS, maxRowsPerSheet: 100 });
    expect(error.code).toBe('unsafe-workbook');
    expect(error.message).toContain('工作表「项目」有 151 行');
  });

  it('refuses too many sheets and too many cells', async () => {
    const book = new ExcelJS.Workbook();
    for (let i = 0; i < 5; i++) book.addWorksheet(`S${i}`).addRow([1, 2, 3]);
    const bytes = await toBytes(book);
    expect((await refused('sheets.xlsx', bytes, { ...DEFAULT_LIMITS, maxSheets: 3 })).message).toContain('5 个工作表');
    expect((await refused('cells.xlsx', bytes, { ...DEFAULT_LIMITS, maxWorkbookCells: 10 })).message).toContain('15 个单元格');
  });

  it('reads a text file renamed .xlsx as the text it is (here: refused by the text readers, naming the file)', async () => {
    const error = await refused('notes.xlsx', new TextEncoder().encode('项目名称\t金额\n社区服务\t12.5\n'));
    expect(error.code).toBe('unknown-layout');
    expect(error.message).toMatch(/^notes\.xlsx: 无法识别文件版式/);
  });

  it('refuses a truncated .xlsx', async () => {
    const whole = await writeProjectTargetsTemplate();
    const error = await refused('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('截断');
  });

  it('refuses a zip whose entry data is cut off even though the directory is intact', async () => {
    const zip = makeZip([{ name: 'xl/workbook.xml', data: WORKBOOK_XML }]);
    // Point the only entry's local header offset past the data.
    const broken = new Uint8Array(zip);
    const view = new DataView(broken.buffer);
    const cd = view.getUint32(broken.length - 6, true);
    view.setUint32(cd + 42, broken.length - 10, true);
    const error = await refused('cut2.xlsx', broken);
    expect(error.code).toBe('truncated');
  });

  it('refuses an old .xls or a password-protected workbook (OLE2 file)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await refused('old.xlsx', ole);
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toContain('.xls');
  });

  it('refuses an encrypted zip entry', async () => {
    const error = await refused('locked.xlsx', makeZip([{ name: 'xl/workbook.xml', data: WORKBOOK_XML, flags: 1 }]));
    expect(error.message).toContain('加密');
  });

  it('refuses a zip that is not a workbook, and a Word file', async () => {
    expect((await refused('a.xlsx', makeZip([{ name: 'hello.txt', data: new Uint8Array(5) }]))).message).toContain('xl/workbook.xml');
    expect((await refused('b.xlsx', makeZip([{ name: 'word/document.xml', data: new Uint8Array(5) }]))).message).toContain('Word');
  });

  it('refuses a workbook exceljs cannot parse, without throwing', async () => {
    const junk = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types') },
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets') },
      { name: 'xl/_rels/workbook.xml.rels', data: new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row>') },
    ]);
    const error = await refused('junk.xlsx', junk);
    expect(['invalid-workbook', 'unknown-layout']).toContain(error.code);
  });
});
