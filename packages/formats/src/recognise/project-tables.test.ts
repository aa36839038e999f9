/**
 * The general reader on real filled project tables from other regions (fixtures/samples, copies of
 * ../shared/samples) and on the same national forms laid out as PDF, .docx, .xlsx, .doc and .xls (fixtures/layout).
 * Each fact asserted here is in the file; values the file does not hold must come out null.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listProjects, type PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';

const root = resolve(__dirname, '../../../../fixtures');

async function read(path: string): Promise<PerformanceDocument> {
  const result = await readDocument({ fileName: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(resolve(root, path))) });
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

function only(doc: PerformanceDocument) {
  const projects = listProjects(doc);
  return projects[projects.length - 1]!.project;
}

describe('project self-evaluation tables', () => {
  it('S01 Sichuan 部门预算项目支出绩效自评表: budget block by source, indicators with 指标性质 and 度量单位, blanks stay null', async () => {
    const doc = await read('samples/01_sichuan-qingshen_project-selfeval_2023.txt');
    expect(doc.kind).toBe('project-self-evaluation');
    expect(doc.year).toBe(2023);
    expect(doc.department).toBe('青神县发展和改革局本级');
    expect(doc.units[0]!.name).toBe('青神县发展和改革局');
    const p = only(doc);
    expect(p.code).toBe('51000021R000000019951');
    expect(p.name).toBe('工资性支出');
    expect(p.goal).toMatch(/^严格执行相关政策/);
    // The guidance text left in the form is not a value.
    expect(p.goalCompletion).toBeNull();
    expect(p.budget?.bySource.map((r) => [r.source, r.initial, r.adjusted, r.spent, r.statedExecutionRate])).toEqual([
      ['总额', 238.93, 251.89, 251.89, 100],
      ['其中:财政资金', 238.93, 251.89, 251.89, 100],
      ['财政专户管理资金', 0, 0, 0, 0],
      ['单位资金', 0, 0, 0, 0],
      ['其他资金', null, null, null, null],
    ]);
    expect(p.budget?.bySource[0]!.weight).toBe(10);
    expect(p.budget?.bySource[0]!.score).toBeUndefined();
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.annualTarget?.text, i.weight, i.actual, i.score])).toEqual([
      ['产出指标', '数量指标', '发放(缴纳)覆盖率', '=100%', 60, null, null],
      ['效益指标', '社会效益指标', '足额保障率(参保率)', '=100%', 30, null, null],
    ]);
    expect(p.statedScore).toBeNull();
  });

  it('S02 pipe table starting mid-way: the cut project keeps its tail, the next project its header and budget', async () => {
    const doc = await read('samples/02_sichuan-daying_project-selfeval_2023.txt');
    const [first, second] = listProjects(doc).map((x) => x.project);
    expect(first!.indicators[0]).toMatchObject({ level1: '产出指标', level2: '经济成本指标', name: '成本控制数', weight: 90, score: 90 });
    expect(first!.indicators[0]!.annualTarget).toMatchObject({ op: '<=', value: 30, unit: '万元' });
    expect(first!.indicators[0]!.actual?.text).toBe('完成');
    expect(second!.name).toBe('2023年全县安可替代补助资金项目');
    expect(second!.code).toBe('51092324T000010263357');
    expect(second!.goal).toBe('根据要求购买安可设备,并完成项目资金支付。');
    expect(second!.goalCompletion).toBe('完成');
    expect(second!.budget?.bySource[0]).toMatchObject({ source: '总额', initial: 0, adjusted: 3.36, spent: 3.36, statedExecutionRate: 100, weight: 10, score: 10 });
    expect(doc.problems.some((p) => p.code === 'project-name-missing')).toBe(true);
  });

  it('S03 national layout one cell per paragraph: placeholders dropped, 指标1 prefixes cut, scores kept', async () => {
    const doc = await read('samples/03_hebei-langfang_project-selfeval_2019.txt');
    expect(doc.department).toBe('廊坊市发改委');
    expect(doc.year).toBe(2019);
    const p = only(doc);
    expect(p.name).toBe('办公宿舍楼、食堂及餐厅暖通改造经费');
    expect(p.budget?.bySource[0]).toMatchObject({ source: '年度资金总额', initial: 43.2, adjusted: 43.2, spent: 37.24, statedExecutionRate: 86, weight: 10, score: 9 });
    expect(p.indicators.map((i) => i.name)).toEqual(['工程资金金额', '工程完工率', '工程验收合格率', '项目完成及时率', '成本控制率', '安全率', '学校发展能力', '长期使用性', '学生满意度']);
    expect(p.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', weight: 10, score: 9 });
    expect(p.indicators[0]!.deviationReason).toMatch(/^已完工/);
    expect(p.indicators[8]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
    // The 总分 row is cut off: said so, and no total invented.
    expect(p.statedScore).toBeNull();
    expect(doc.problems.some((x) => x.code === 'document-incomplete')).toBe(true);
  });
});

describe('project target tables', () => {
  it('S11 一体化 flat export in 元: projects split by their first row, subtotal kept, rows not sorted by level', async () => {
    const doc = await read('samples/11_sichuan-jingyan_project-targets_2023.txt');
    expect(doc.amountUnit).toBe('元');
    expect(doc.statedTotal).toBe(8827620.53);
    expect(doc.units[0]).toMatchObject({ name: '井研县马踏镇人民政府', code: '820001' });
    const [a, b] = listProjects(doc).map((x) => x.project);
    expect(a).toMatchObject({ name: '村组干部报酬', amount: 3309840, goal: '按时发放村组干部报酬' });
    expect(a!.indicators).toHaveLength(8);
    expect(a!.indicators[1]).toMatchObject({ level1: '产出指标', level2: '时效指标', name: '维持时效', weight: 20, direction: 'higher' });
    expect(a!.indicators[1]!.annualTarget).toMatchObject({ op: '>=', value: 1, unit: '年' });
    expect(b).toMatchObject({ name: '基层组织活动经费', amount: 660000 });
    expect(b!.indicators[0]).toMatchObject({ level1: '满意度指标', name: '辖区内群众满意度' });
  });

  it('S09 Chongqing 审批表: 成本指标 as a first level, label–value funding, space-separated cells', async () => {
    const doc = await read('samples/09_chongqing-fengjie_project-targets_2023.txt');
    expect(doc.year).toBe(2023);
    expect(doc.department).toBe('县民宗委');
    const p = only(doc);
    expect(p).toMatchObject({ name: '2023年云雾土家族乡加工园配套设施建设项目', amount: 65, category: '资产资源类--房屋类' });
    expect(p.funding).toEqual({ fiscal: 65, specialAccount: null, other: 0 });
    expect(p.indicators[0]).toMatchObject({ level1: '成本指标', level2: '经济成本指标', name: '项目建设成本', weight: 10, direction: 'lower' });
    expect(p.indicators[0]!.annualTarget).toMatchObject({ op: '<=', value: 65, unit: '万元' });
  });

  it('S10 Gansu OCR text run together: names and values cut at the vocabulary, OCR noise kept as written', async () => {
    const doc = await read('samples/10_gansu-jiayuguan_project-targets_2023.txt');
    const [p] = listProjects(doc).map((x) => x.project);
    expect(p).toMatchObject({ name: '博物馆纪念馆市级免费开放补助资金', amount: 20, goal: '进一步提高博物馆纪念馆运行效率和免费开放服务水平' });
    expect(p!.funding).toMatchObject({ fiscal: 0, other: 20 });
    const byName = new Map(p!.indicators.map((i) => [i.name, i]));
    expect(byName.get('免费开放天数')?.annualTarget).toMatchObject({ op: '=', value: 300, unit: '天' });
    expect(byName.get('免费开放接待观众人数')?.annualTarget).toMatchObject({ value: 30000, unit: '人次' });
    expect(byName.get('免费开放天数')).toMatchObject({ level1: '产出指标', level2: '数量指标' });
  });

  it('S06 older 申报表 run together: funds by label, the checked 项目属性', async () => {
    const doc = await read('samples/06_hunan-ningxiang_project-targets_2021.txt');
    const p = only(doc);
    expect(p).toMatchObject({ name: '镇域内基础设施建设', amount: 10606.7522, category: '延续项目' });
    expect(p.funding.fiscal).toBe(6923.3552);
  });

  it('every real sample is read, none refused', async () => {
    const names = readdirSync(resolve(root, 'samples')).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBe(16);
    for (const name of names) {
      const result = await readDocument({ fileName: name, bytes: new Uint8Array(readFileSync(resolve(root, 'samples', name))) });
      expect(result.ok, `${name}: ${result.ok ? '' : result.error.message}`).toBe(true);
    }
  });
});

describe('the same forms as PDF, Word and Excel files', () => {
  const formats = ['pdf', 'docx', 'xlsx', 'doc', 'xls'];
  it.each(formats)('项目支出绩效自评表 .%s', async (ext) => {
    const doc = await read(`layout/project-selfeval.${ext}`);
    expect(doc.kind).toBe('project-self-evaluation');
    expect(doc.department).toBe('廊坊市发改委');
    const p = only(doc);
    expect(p.name).toBe('办公宿舍楼、食堂及餐厅暖通改造经费');
    expect(p.budget?.bySource[0]).toMatchObject({ initial: 43.2, adjusted: 43.2, spent: 37.24, weight: 10, score: 9 });
    expect(p.indicators.map((i) => i.name)).toEqual(['工程资金金额', '工程完工率', '工程验收合格率', '项目完成及时率', '成本控制率', '安全率', '学校发展能力', '长期使用性', '学生满意度']);
    expect(p.indicators.map((i) => i.score)).toEqual([9, 10, 10, 10, 10, 10, 10, 10, 10]);
  });

  it.each(formats.filter((f) => f !== 'xlsx'))('项目支出绩效目标表 (flat export) .%s', async (ext) => {
    const doc = await read(`layout/project-targets.${ext}`);
    const projects = listProjects(doc).map((x) => x.project);
    expect(projects.map((p) => [p.name, p.amount, p.indicators.length])).toEqual([
      ['村组干部报酬', 3309840, 8],
      ['基层组织活动经费', 660000, 5],
    ]);
  });
});

describe('rows copied from Excel (tabs)', () => {
  it('a tab-separated self-evaluation keeps its columns: actuals, weights and scores by column, the 合计 row', async () => {
    const rows = [
      ['部门预算项目支出绩效自评表(2023年度)'],
      ['项目名称', '51000021R000000019951-工资性支出', '', '', '', '', '', '', '', ''],
      ['主管部门', '青神县发展和改革局本级', '', '', '', '实施单位', '青神县发展和改革局', '', '', ''],
      ['预算执行情况(10分)', '年度预算数(万元)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因', ''],
      ['', '总额', '238.93', '251.89', '251.89', '100.00%', '10', '10', '', ''],
      ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分'],
      ['', '产出指标', '数量指标', '发放(缴纳)覆盖率', '=', '100', '%', '100', '60', '60'],
      ['', '', '', '足额发放及时率', '≥', '95', '%', '90', '30', '28.4'],
      ['合计', '', '', '', '', '', '', '', '100', '98.4'],
    ];
    const text = rows.map((r) => r.join('\t')).join('\n');
    const result = await readDocument({ fileName: 'copied.txt', bytes: new TextEncoder().encode(text) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = only(result.document);
    expect(p.budget?.bySource[0]).toMatchObject({ source: '总额', initial: 238.93, adjusted: 251.89, spent: 251.89, weight: 10, score: 10 });
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.annualTarget?.text, i.actual?.value, i.weight, i.score])).toEqual([
      ['产出指标', '数量指标', '发放(缴纳)覆盖率', '=100%', 100, 60, 60],
      ['产出指标', '数量指标', '足额发放及时率', '≥95%', 90, 30, 28.4],
    ]);
    expect(p.statedScore).toBe(98.4);
  });
});
