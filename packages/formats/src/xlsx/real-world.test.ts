import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { listProjects } from '@jixiao/core';
import { readDocument } from '../read-document';
import { districtCompactWorkbook, districtPerRowWorkbook, toBytes } from './test-workbooks';

async function read(fileName: string, bytes: Uint8Array) {
  const result = await readDocument({ fileName, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe('district table with a two-row header, 元, text numbers and compact indicator cells', () => {
  it('reads units, totals, amounts as stated and every indicator', async () => {
    const doc = await read('附表2.xlsx', await districtCompactWorkbook());
    expect(doc.source?.layout).toBe('xlsx/project-table');
    expect(doc.kind).toBe('project-targets');
    expect(doc.amountUnit).toBe('元');
    expect(doc.department).toBe('广州市荔湾区人民政府金花街道办事处');
    expect(doc.year).toBe(2024);
    expect(doc.statedTotal).toBe(2391600);
    expect(doc.units.map((u) => [u.name, u.statedAmount])).toEqual([['广州市荔湾区人民政府金花街道办事处', 2391600]]);
    const projects = listProjects(doc).map(({ project }) => project);
    expect(projects.map((p) => p.name)).toEqual(['街消毒站病媒生物防治专职人员补贴', '帮扶工作经费', '办公场地租赁费']);
    expect(projects[0]?.amount).toBe(165600);
    expect(projects[1]?.funding).toEqual({ fiscal: 30000, specialAccount: 20000, other: null });
    expect(projects[0]?.indicators).toHaveLength(4);
    expect(projects[0]?.indicators[3]).toMatchObject({ level1: '满意度指标', level1Code: '3', level2: '质量指标', level2Code: '12', name: '职工满意度指标' });
    expect(projects[0]?.indicators[3]?.annualTarget).toMatchObject({ op: '>=', value: 95, unit: '%' });
    const help = projects[1]?.indicators ?? [];
    expect(help.map((i) => i.name)).toEqual(['开展帮扶调研工作次数', '信访、投诉、交办类案件结案率', '社区居民幸福指数']);
    expect(help[0]?.annualTarget).toMatchObject({ op: '=', value: 3, unit: '次' });
    expect(help[2]?.periodTarget?.text).toBe('提高');
    expect(help[2]?.annualTarget).toBeNull();
  });

  it('reports bad cells where they are instead of dropping them', async () => {
    const doc = await read('附表2.xlsx', await districtCompactWorkbook());
    const byCode = (code: string) => doc.problems.filter((p) => p.code === code);
    expect(byCode('bad-amount')).toEqual([
      expect.objectContaining({ severity: 'error', location: { file: '附表2.xlsx', sheet: '附表2', row: 9, column: 'B' } }),
    ]);
    expect(byCode('bad-amount')[0]?.message).toContain('待定');
    expect(byCode('missing-project-name')).toEqual([expect.objectContaining({ location: { file: '附表2.xlsx', sheet: '附表2', row: 10, column: 'A' } })]);
    expect(byCode('indicator-cut-off')).toEqual([expect.objectContaining({ location: expect.objectContaining({ sheet: '附表2', row: 8, column: 'G', project: '帮扶工作经费', indicator: 3 }) })]);
    const rent = listProjects(doc).find(({ project }) => project.name === '办公场地租赁费')?.project;
    expect(rent?.amount).toBeNull();
    expect(rent?.funding.fiscal).toBe(608000);
  });
});

describe('district table with one indicator per row and merged project cells', () => {
  it('groups the rows into projects and reads the 小计', async () => {
    const doc = await read('per-row.xlsx', await districtPerRowWorkbook());
    expect(doc.amountUnit).toBe('万元');
    expect(doc.units).toHaveLength(1);
    const unit = doc.units[0];
    expect(unit?.name).toBe('花地街退役军人服务站');
    expect(unit?.statedAmount).toBe(15.5);
    expect(unit?.projects.map((p) => [p.name, p.amount, p.indicators.length])).toEqual([
      ['走访慰问经费', 12.5, 3],
      ['档案整理经费', 3, 2],
    ]);
    expect(unit?.projects[0]?.indicators.map((i) => i.no)).toEqual([1, 2, 3]);
    expect(unit?.projects[0]?.indicators[0]).toMatchObject({ level1: '产出指标', level1Code: '1', level2Code: '11', annualTarget: { op: '>=', value: 200, unit: '人次' } });
    expect(doc.problems).toEqual([]);
  });
});

describe('unknown workbooks', () => {
  it('refuses a workbook without a project header and says which columns were expected', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRows([
      ['姓名', '电话'],
      ['张三', '123'],
    ]);
    const result = await readDocument({ fileName: 'contacts.xlsx', bytes: await toBytes(book) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unknown-layout');
    expect(result.error.message).toMatch(/^contacts\.xlsx: .*项目名称.*\(unknown workbook layout/);
    expect(result.error.message).toContain('「Sheet1」');
  });
});
