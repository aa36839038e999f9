/**
 * Big realistic workbooks for the benchmarks, written with exceljs's streaming writer so that 10,000 projects ×
 * 5 indicators take seconds and little memory. Two layouts:
 * - `template`: the jixiao project template (项目 + 绩效指标 sheets, one indicator per row);
 * - `district`: a district table like the official 项目支出绩效目标表 — title, 部门名称 and 单位：元 notes, a two-row
 *   header (资金来源 spanning 财政拨款 / 财政专户拨款 / 其他资金), unit rows, amounts as text with thousands
 *   separators, and all of a project's indicators in one compact cell.
 * Deterministic (seeded), so runs are comparable.
 */
import { PassThrough } from 'node:stream';
import { formatTarget, type Indicator } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { generateIndicator } from './generate';

export type WorkbookLayout = 'template' | 'district';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const UNITS_EVERY = 500;

export async function generateProjectWorkbook(projects: number, indicatorsPerProject: number, layout: WorkbookLayout = 'template', seed = 7): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const rand = rng(seed);
  const list = Array.from({ length: projects }, (_, p) => ({
    unit: `广州市荔湾区第${Math.floor(p / UNITS_EVERY) + 1}社区服务中心`,
    code: `44010324${String(p + 1).padStart(6, '0')}`,
    name: `社区服务项目${p + 1}`,
    amount: Math.round(rand() * 1_000_000) / 100,
    goal: `为辖区居民提供服务${p}次，提升服务质量，确保资金使用规范有效。`,
    indicators: Array.from({ length: indicatorsPerProject }, (_x, i) => generateIndicator(rand, i + 1, false)),
  }));
  if (layout === 'template') writeTemplate(book, list);
  else writeDistrict(book, list);
  await book.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

type Gen = { unit: string; code: string; name: string; amount: number; goal: string; indicators: Indicator[] };

function writeTemplate(book: ExcelJS.stream.xlsx.WorkbookWriter, list: Gen[]): void {
  const ps = book.addWorksheet('项目');
  ps.addRow(['2024年项目支出绩效目标表']).commit();
  ps.addRow(['部门', '广州市荔湾区人民政府金花街道办事处', null, null, null, '年度', 2024, '金额单位', '万元']).commit();
  ps.addRow(['序号', '单位', '单位编码', '项目编码', '项目名称', '金额(万元)', '财政拨款', '财政专户拨款', '其他资金', '项目类别', '项目情况简介', '绩效目标']).commit();
  list.forEach((p, i) => ps.addRow([i + 1, p.unit, null, p.code, p.name, p.amount, p.amount, null, null, '32-其他事业发展性支出', null, p.goal]).commit());
  ps.commit();
  const is = book.addWorksheet('绩效指标');
  is.addRow(['绩效指标']).commit();
  is.addRow(['项目编码', '项目名称', '序号', '一级指标编码', '一级指标', '二级指标编码', '二级指标', '三级指标', '实施周期指标值', '年度指标值', '指标解释', '计算公式', '指标方向']).commit();
  for (const p of list) {
    for (const ind of p.indicators) {
      is.addRow([p.code, p.name, ind.no, ind.level1Code, ind.level1, ind.level2Code, ind.level2, ind.name, ind.periodTarget?.text ?? null, ind.annualTarget?.text ?? null, null, null, null]).commit();
    }
  }
  is.commit();
}

const yuan = (wan: number) => Math.round(wan * 10000);
/** An amount as districts type it into a text cell: `1,234.50`. */
const text = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function writeDistrict(book: ExcelJS.stream.xlsx.WorkbookWriter, list: Gen[]): void {
  const s = book.addWorksheet('项目支出绩效目标表');
  s.addRow(['2024年项目支出绩效目标表（含转移支付项目）']);
  s.addRow(['部门名称：广州市荔湾区人民政府金花街道办事处', null, null, null, null, '单位：元']);
  s.addRow(['项目名称(资金使用单位)', '总计', '资金来源', null, null, '绩效目标', '绩效指标']);
  const header2 = s.addRow([null, null, '财政拨款', '财政专户拨款', '其他资金']);
  // Merges are declared before their rows are committed (the streaming writer cannot go back).
  for (const range of ['A1:G1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4']) s.mergeCells(range);
  header2.commit();
  const total = list.reduce((t, p) => t + yuan(p.amount), 0);
  s.addRow(['合计', text(total), text(total)]).commit();
  let unit = '';
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!p) continue;
    if (p.unit !== unit) {
      unit = p.unit;
      const sum = list.filter((x) => x.unit === unit).reduce((t, x) => t + yuan(x.amount), 0);
      s.addRow([unit, text(sum), text(sum)]).commit();
    }
    const cell = p.indicators
      .map((ind, k) => `${k + 1}、${ind.level1Code}-${ind.level1}; ${ind.level2Code}-${ind.level2}; ${ind.name}; 实施周期指标值:${formatTarget(ind.periodTarget)}; 年度指标值:${formatTarget(ind.annualTarget)}。`)
      .join('');
    s.addRow([p.name, text(yuan(p.amount)), text(yuan(p.amount)), null, null, p.goal, cell]).commit();
  }
  s.commit();
}
