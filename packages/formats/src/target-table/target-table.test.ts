/**
 * The 绩效目标表 and the 批复 notice of seeds 000 (花地街道 2024 部门整体 targets, 56 projects) and 002 (金花街道
 * project targets with indicators), written and read back with the project's own readers (the .xlsx and .docx
 * layouts): the titles and the template's header words, every project's name and amount, every indicator's name
 * and value, and totals that match the document's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAmount, formatTarget, listProjects, type PerformanceDocument } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { noticeTitleLines, writeApprovalNotice } from '../approval-notice';
import { readDocxLayout } from '../layout/docx';
import { tablesOf, tableTexts, type Layout } from '../layout/model';
import { readXlsxLayout } from '../layout/xlsx';
import { readDocument } from '../read-document';
import { writeTargetTable, writeTargetTableDocx } from '.';
import { inWan } from './rows';

const seed = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url))));
const approval = { version: 2, approvedOn: '2024-03-05', approvedBy: '王审核', conclusion: '良' };

async function read(name: string): Promise<PerformanceDocument> {
  const result = await readDocument({ fileName: name, bytes: seed(name) });
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.document, year: 2024 };
}

function layoutOf(result: ReturnType<typeof readDocxLayout>): Layout {
  if (!result.ok) throw new Error(result.error.message);
  return result.layout;
}

/** Every cell and paragraph of a layout, one string per cell or paragraph. */
function texts(layout: Layout): string[] {
  return layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : tableTexts(b).flat()));
}

let s000: PerformanceDocument;
let s002: PerformanceDocument;
beforeAll(async () => {
  s000 = await read('000_33f7e9c75c02529b.txt');
  s002 = await read('002_71a78aaa1661d207.pages-1-5.txt');
});

function expectProjects(all: string[], doc: PerformanceDocument) {
  for (const { project } of listProjects(doc)) {
    expect(all).toContain(project.name);
    expect(all).toContain(formatAmount(inWan(project.amount, doc.amountUnit)));
  }
}

describe('绩效目标表 .docx', () => {
  it('seed 000: 附件1 with the budget, tasks and 24 indicators; 附表2 with the 56 projects and their 合计 3,282.53', async () => {
    const layout = layoutOf(readDocxLayout(await writeTargetTableDocx({ document: s000, approval, region: '荔湾区' })));
    const all = texts(layout);
    expect(all).toContain('2024年荔湾区部门整体预算绩效目标表');
    expect(all).toContain('2024年荔湾区项目支出绩效目标表');
    for (const word of ['单位名称', '财政供养人员数', '下属二级单位数', '部门预算支出', '基本支出', '项目支出', '收入来源', '名称', '主要实施内容', '拟投入\n的资金\n（万元）', '期望达到的目标（概述）', '一级指标', '二级指标', '三级指标', '指标含义、解释', '指标说明及公式', '指标值']) {
      expect(all).toContain(word);
    }
    const [department, projects] = tablesOf(layout).map(tableTexts);
    const row = (label: string) => department!.find((r) => r.includes(label))!;
    expect(row('单位名称')).toContain('广州市荔湾区人民政府花地街道办事处');
    expect(row('财政供养人员数')).toEqual(expect.arrayContaining(['66', '3']));
    expect(row('基本支出')).toContain('3,209.10');
    expect(row('项目支出')).toContain('3,282.53');
    expect(department!.find((r) => r[1] === '合计' && r.includes('6,491.63'))).toBeDefined();
    for (const t of s000.keyTasks!) expect(department!.find((r) => r.includes(t.name))).toContain(formatAmount(t.funds));
    // The tasks' 合计 is the projects' expenditure: 999.53 + 1,368.23 + 621.91 + 292.86.
    expect(department!.filter((r) => r.includes('合计')).at(-1)).toContain('3,282.53');
    for (const i of s000.indicators!) expect(department!.find((r) => r.includes(i.name))).toContain(formatTarget(i.annualTarget));
    expect(projects![0]).toEqual(['序号', '预算单位\n编码', '预算单位', '项目名称', '项目金额', '项目类别', '项目情况简介', '绩效目标']);
    expect(projects!.length).toBe(1 + 56 + 1);
    expectProjects(projects!.flat(), s000);
    expect(projects!.at(-1)!.slice(0, 5)).toEqual(['合计', '合计', '合计', '合计', '3,282.53']);
    // The table's 合计 is the document's stated total and its 项目支出.
    expect([formatAmount(s000.statedTotal), formatAmount(s000.profile!.projectExpenditure)]).toEqual(['3,282.53', '3,282.53']);
    expect(all).toContain('本表为批复版本（第 2 版），经王审核于二〇二四年三月五日批复（评审结论：良）。');
  });

  it('seed 002: one 项目支出绩效目标表 with every indicator beside its project (含绩效指标), 2,316.05 in all', async () => {
    const layout = layoutOf(readDocxLayout(await writeTargetTableDocx({ document: s002, approval, region: '荔湾区' })));
    const [table, more] = tablesOf(layout).map(tableTexts);
    expect(more).toBeUndefined();
    expect(texts(layout)).toContain('附件');
    expect(table![0]).toEqual(['序号', '预算单位', '项目名称', '项目金额', '绩效目标', '一级指标', '二级指标', '三级指标', '指标值']);
    expectProjects(table!.flat(), s002);
    for (const { project } of listProjects(s002)) {
      for (const i of project.indicators) expect(table!.find((r) => r[2] === project.name && r[7] === i.name)?.[8]).toBe(formatTarget(i.annualTarget ?? i.periodTarget) || '（未填）');
    }
    expect(table!.at(-1)![3]).toBe('2,316.05');
  });
});

describe('绩效目标表 of a document in 元', () => {
  it('prints every amount in 万元 and sums them in fen: 123,456.78 元 + 0.01 元 = 12.35 万元', async () => {
    const document = buildDocument({ amountUnit: '元', projects: [buildProject({ name: '甲项目', amount: 123456.78 }), buildProject({ name: '乙项目', amount: 0.01 })] });
    const bytes = await writeTargetTable({ document, approval });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('项目支出绩效目标表')!;
    const amounts: unknown[] = [];
    // A merged cell answers its value in every cell it covers: only its first (master) cell counts.
    sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && c.master.address === c.address && amounts.push(c.value))));
    expect(amounts).toEqual([12.345678, 0.000001, 12.345679]);
    const [table] = tablesOf(layoutOf(readDocxLayout(await writeTargetTableDocx({ document, approval })))).map(tableTexts);
    const amountOf = (name: string) => table!.find((r) => r.includes(name))?.[table![0]!.indexOf('项目金额')];
    expect([amountOf('甲项目'), amountOf('乙项目'), amountOf('合计')]).toEqual(['12.35', '0.00', '12.35']);
    expect(texts(layoutOf(readDocxLayout(await writeTargetTableDocx({ document, approval }))))).toContain('部门名称：测试街道办事处　　　　单位：万元');
  });
});

describe('绩效目标表 .xlsx', () => {
  it('seed 000: two sheets, amounts as numbers in 万元, A4 portrait then landscape, the header row repeated', async () => {
    const bytes = await writeTargetTable({ document: s000, approval, region: '荔湾区' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['部门整体预算绩效目标表', '项目支出绩效目标表']);
    const [department, projects] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect([department.pageSetup.orientation, projects.pageSetup.orientation, projects.pageSetup.paperSize]).toEqual(['portrait', 'landscape', 9]);
    expect(projects.pageSetup.printTitlesRow).toBe('4:4');
    expect(String(projects.getCell(2, 1).value)).toBe('2024年荔湾区项目支出绩效目标表');
    const amounts: number[] = [];
    projects.getColumn(5).eachCell((c) => void (typeof c.value === 'number' && amounts.push(c.value)));
    // 56 projects and the 合计, which is their exact sum.
    expect(amounts).toHaveLength(57);
    expect(amounts.at(-1)).toBe(3282.53);
    expect(projects.getCell(4 + 57, 5).numFmt).toBe('#,##0.00');

    const layout = layoutOf(readXlsxLayout(bytes));
    const all = texts(layout);
    for (const word of ['单位名称', '总体绩效\n目标', '年度重点\n工作任务', '指标说明及公式', '项目情况简介', '绩效目标']) expect(all).toContain(word);
    for (const i of s000.indicators!) expect(all).toContain(i.name);
    for (const { project } of listProjects(s000)) expect(all).toContain(project.name);
  });
});

describe('批复 notice .docx', () => {
  it('the 发文机关, the 文号 left blank, the title on whole words, the addressee, the figures, the approval, the tables attached', async () => {
    const layout = layoutOf(readDocxLayout(await writeApprovalNotice({ document: s000, approval, region: '荔湾区', issuer: '广州市荔湾区财政局' })));
    const all = texts(layout);
    expect(all.slice(0, 2)).toEqual(['广州市荔湾区财政局文件', '＿＿〔2024〕＿＿号']);
    expect(all.slice(2, 5)).toEqual(['关于批复广州市荔湾区人民政府', '花地街道办事处2024年度', '部门整体预算绩效目标的通知']);
    expect(all).toContain('广州市荔湾区人民政府花地街道办事处：');
    const text = all.join('\n');
    expect(text).toContain('批复你单位2024年度部门整体预算绩效目标（第 2 版）。部门整体支出预算 6,491.63 万元，其中基本支出 3,209.10 万元、项目支出 3,282.53 万元；年度重点工作任务 4 项，拟投入资金 3,282.53 万元；部门整体绩效指标 24 个；纳入绩效目标管理的项目 56 个，项目金额合计 3,282.53 万元。');
    expect(text).toContain('经审核（评审结论：良）');
    expect(all).toContain('附件：1. 2024年荔湾区部门整体预算绩效目标表');
    expect(all).toContain('二〇二四年三月五日');
    expect(text).toContain('由王审核审核批复');
    expect(tablesOf(layout)).toHaveLength(2);
  });

  it('breaks a title only between words, within 20 characters a line', () => {
    const lines = noticeTitleLines('广州市白云区人民政府白云湖街道办事处', 2021, '项目支出绩效目标');
    expect(lines).toEqual(['关于批复广州市白云区人民政府', '白云湖街道办事处2021年度', '项目支出绩效目标的通知']);
    expect(noticeTitleLines('某局', null, '项目支出绩效目标')).toEqual(['关于批复某局项目支出绩效目标的通知']);
  });
});
