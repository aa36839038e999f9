/**
 * Test helpers: hand-made zip files (for the guard's refusals) and district-style workbooks written with exceljs
 * (merged cells, two header rows, 元, numbers stored as text, the compact indicator cell).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Declare this uncompressed size instead of the real one (a lying directory). */
  declaredSize?: number;
  flags?: number;
  store?: boolean;
}

/** A minimal zip (deflate or store, no zip64) built by hand. */
export function makeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.store ? Buffer.from(p.data) : deflateRawSync(p.data);
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

export async function toBytes(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const COMPACT_1 =
  '1、1-产出指标; 12-质量指标; 补贴发放率; 实施周期指标值:100%; 年度指标值:100%。2、1-产出指标; 13-时效指标; 补贴发放及时率; 实施周期指标值:100%; 年度指标值:100%。3、2-效益指标; 22-社会效益; 消毒员幸福指数; 实施周期指标值:优良; 年度指标值:优良。4、3-满意度指标; 12-质量指标; 职工满意度指标; 实施周期指标值:≥95%; 年度指标值:≥95%。';
const COMPACT_2 =
  '1、1-产出指标: 11-数量指标: 开展帮扶调研工作次数: 实施周期指标值:3次: 年度指标值:3次。2、2-效益指标; 22-社会效益; 信访、投诉、交办类案件结案率; 实施周期指标值:≥95%; 年度指标值:≥95%。3、3-满意度指标; 31-服务对象满意度; 社区居民幸福指数; 实施周期指标值:提高。';

/**
 * Seed 002's table as a district would send it in Excel: title and notes (单位：元), a two-row header with
 * 资金来源 spanning three columns, a 合计 row, a unit row, amounts as text with thousands separators, compact
 * indicator cells (one cut off after 实施周期指标值), a bad amount and a row without a project name.
 */
export async function districtCompactWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('附表2');
  s.mergeCells('A1:G1');
  s.getCell('A1').value = '2024年项目支出绩效目标表（含转移支付项目）';
  s.getCell('A2').value = '部门名称：广州市荔湾区人民政府金花街道办事处';
  s.getCell('F2').value = '金额单位：元';
  s.getRow(3).values = ['项目名称\n(资金使用单位)', '总计', '资金来源', null, null, '绩效目标', '绩效指标'];
  s.getRow(4).values = [null, null, '财政拨款', '财政专户拨款', '其他资金'];
  for (const r of ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4']) s.mergeCells(r);
  s.getRow(5).values = ['合计', '2,391,600.00', '2,391,600.00'];
  s.getRow(6).values = ['广州市荔湾区人民政府金花街道办事处', '2,391,600.00', '2,391,600.00'];
  s.getRow(7).values = ['街消毒站病媒生物防治专职 人员补贴', '165,600.00', '165,600.00', null, null, '保障站专职人员福利，提升职工幸福感。', COMPACT_1];
  s.getRow(8).values = ['帮扶工作经费', 50000, '30,000', '20000.00', null, '开展对口帮扶。', COMPACT_2];
  s.getRow(9).values = ['办公场地租赁费', '待定', '608,000.00', null, null, '保障办公场地租金按时缴纳。', null];
  s.getRow(10).values = [null, '1,000.00', null, null, null, '一个没有名称的项目', null];
  return toBytes(book);
}

/**
 * One indicator per row, the unit, project name and amount merged down over the project's indicator rows,
 * 金额（万元） in the header, a 小计 row per unit.
 */
export async function districtPerRowWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('封面').getCell('A1').value = '2023年项目支出绩效目标申报';
  const s = book.addWorksheet('项目绩效目标');
  s.getRow(1).values = ['单位名称', '项目名称', '金额（万元）', '一级指标', '二级指标', '三级指标', '指标值'];
  const rows: Array<Array<string | number | null>> = [
    ['花地街退役军人服务站', '走访慰问经费', 12.5, '1-产出指标', '11-数量指标', '走访慰问人次', '≥200人次'],
    [null, null, null, '2-效益指标', '22-社会效益', '政策知晓率', '≥90%'],
    [null, null, null, '3-满意度指标', '31-服务对象满意度', '服务对象满意度', '≥90%'],
    [null, '档案整理经费', '3.00', '1-产出指标', '12-质量指标', '档案合格率', '100%'],
    [null, '档案整理经费', '3.00', '3-满意度指标', '31-服务对象满意度', '满意度', '≥85%'],
    ['花地街退役军人服务站', '小计', 15.5, null, null, null, null],
  ];
  rows.forEach((r, i) => {
    s.getRow(i + 2).values = r;
  });
  s.mergeCells('A2:A6');
  s.mergeCells('B2:B4');
  s.mergeCells('C2:C4');
  return toBytes(book);
}
