/**
 * The documents `npm run bench -- read` reads: about 100 project tables, one per page, in the national layouts —
 * 项目支出绩效目标表 and 项目支出绩效自评表 taking turns — with every cell bordered and merged cells where the forms
 * merge them (the wording of samples 01 and 03 and of fixtures/layout/*.html). LibreOffice makes them the way an
 * office does (as scripts/make-layout-fixtures.sh does): the HTML opened in Writer and saved as .docx, the PDF printed
 * from that .docx. Made once and kept under os.tmpdir()/jixiao-bench/, keyed by a hash of the HTML, since soffice
 * takes tens of seconds.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const BENCH_PROJECTS = 100;

const PROJECT_NAMES = [
  '办公宿舍楼、食堂及餐厅暖通改造经费',
  '工资性支出',
  '村组干部报酬',
  '基层组织活动经费',
  '农村人居环境整治经费',
  '义务教育学校公用经费',
  '城乡居民医疗救助资金',
  '道路养护及安全设施维护经费',
];
const DEPARTMENTS = ['廊坊市发改委', '青神县发展和改革局', '井研县马踏镇人民政府', '廊坊市教育局'];
const UNITS = ['廊坊市食品工程学校', '青神县发展和改革局本级', '井研县马踏镇人民政府', '廊坊市第一中学'];

interface IndicatorRow {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  reason: string;
}

/** The indicators of one project: the second-level groups of the national form, one or two third-level rows each. */
function indicators(n: number): IndicatorRow[] {
  const rows: Array<[string, string, string, string, string]> = [
    ['产出指标', '数量指标', `工程资金金额${n}`, '43.2', '37.24'],
    ['产出指标', '数量指标', '覆盖村（社区）数量', '11个', '11个'],
    ['产出指标', '质量指标', '工程验收合格率', '100%', '100%'],
    ['产出指标', '时效指标', '项目完成及时率', '100%', '95%'],
    ['产出指标', '成本指标', '成本控制率', '≤100%', '98%'],
    ['效益指标', '经济效益指标', '促进村集体经济发展', '≥95%', '96%'],
    ['效益指标', '社会效益指标', '学校发展能力', '≥95%', '100%'],
    ['效益指标', '生态效益指标', '保护生态环境卫生', '≥95%', '95%'],
    ['效益指标', '可持续影响指标', '长期使用性', '≥5年', '5年'],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '93%'],
  ];
  return rows.map(([level1, level2, level3, target, actual], i) => ({
    level1,
    level2,
    level3,
    target,
    actual,
    weight: i === 0 ? 10 : 8,
    score: i === 3 && n % 3 === 0 ? 6 : i === 0 ? 9 : 8,
    reason: i === 0 ? '已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。' : i === 3 && n % 3 === 0 ? '受天气影响工期延后，下一年度提前安排施工计划。' : '',
  }));
}

/** rowspan of each cell that starts a run of equal values in `key`, 0 for the cells it covers. */
function spans<T>(rows: T[], key: (r: T) => string): number[] {
  return rows.map((r, i) => {
    if (i > 0 && key(rows[i - 1]!) === key(r)) return 0;
    let n = 1;
    while (i + n < rows.length && key(rows[i + n]!) === key(r)) n++;
    return n;
  });
}

/** Display strings only (never summed): 0.01 万元 units, and 元 shown in 万元. */
const money = (hundredthsOfWan: number) => (hundredthsOfWan / 100).toFixed(2);
const amount = (yuan: number) => (yuan / 10000).toFixed(2);

function selfEvaluationTable(n: number): string {
  const name = `${PROJECT_NAMES[n % PROJECT_NAMES.length]}（第${n}项）`;
  const budget = 4320 + n * 37; // in 0.01 万元
  const spent = budget - (n % 7) * 53;
  const rate = `${Math.round((spent / budget) * 100)}%`;
  const rows = indicators(n);
  const l1 = spans(rows, (r) => r.level1);
  const l2 = spans(rows, (r) => r.level1 + r.level2);
  const body = rows
    .map((r, i) => {
      const a = l1[i] ? `<td rowspan="${l1[i]}">${r.level1}</td>` : '';
      const b = l2[i] ? `<td rowspan="${l2[i]}">${r.level2}</td>` : '';
      return `<tr>${a}${b}<td colspan="2">${r.level3}</td><td>${r.target}</td><td>${r.actual}</td><td>${r.weight}</td><td>${r.score}</td><td>${r.reason}</td></tr>`;
    })
    .join('\n');
  return `<p align="center"${n > 1 ? ' style="page-break-before: always"' : ''}><b>项目支出绩效自评表</b></p>
<p align="center">（2019年度）</p>
<table border="1" cellspacing="0" cellpadding="2">
<tr><td>项目名称</td><td colspan="8">${name}</td></tr>
<tr><td>主管部门</td><td colspan="3">${DEPARTMENTS[n % DEPARTMENTS.length]}</td><td>实施单位</td><td colspan="4">${UNITS[n % UNITS.length]}</td></tr>
<tr><td rowspan="5">项目资金<br>（万元）</td><td colspan="2"></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td colspan="2">年度资金总额</td><td>${money(budget)}</td><td>${money(budget)}</td><td>${money(spent)}</td><td>10</td><td>${rate}</td><td>9</td></tr>
<tr><td colspan="2">其中：当年财政拨款</td><td>${money(budget)}</td><td>${money(budget)}</td><td>${money(spent)}</td><td>—</td><td></td><td>—</td></tr>
<tr><td colspan="2">上年结转资金</td><td></td><td></td><td></td><td>—</td><td></td><td>—</td></tr>
<tr><td colspan="2">其他资金</td><td></td><td></td><td></td><td>—</td><td></td><td>—</td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4">按期完成${name}，保障单位正常运转，资金使用规范。</td><td colspan="4">已按期完成，资金执行${rate}。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
${body}
<tr><td colspan="6">总分</td><td>100</td><td>${90 + (n % 9)}</td><td></td></tr>
</table>`;
}

function targetsTable(n: number): string {
  const name = `${PROJECT_NAMES[n % PROJECT_NAMES.length]}（第${n}项）`;
  const rows = indicators(n);
  const l1 = spans(rows, (r) => r.level1);
  const l2 = spans(rows, (r) => r.level1 + r.level2);
  const body = rows
    .map((r, i) => {
      const a = l1[i] ? `<td rowspan="${l1[i]}">${r.level1}</td>` : '';
      const b = l2[i] ? `<td rowspan="${l2[i]}">${r.level2}</td>` : '';
      const first = i === 0 ? `<td rowspan="${rows.length}">按期完成${name}，保障单位正常运转，资金使用规范，服务对象满意。</td>` : '';
      return `<tr>${first}${a}${b}<td>${r.level3}</td><td>${r.target}</td><td>${r.weight}</td></tr>`;
    })
    .join('\n');
  const budget = 3309840 + n * 1234;
  return `<p align="center"${n > 1 ? ' style="page-break-before: always"' : ''}><b>项目支出绩效目标表</b></p>
<p align="center">（2023年度）</p>
<table border="1" cellspacing="0" cellpadding="2">
<tr><td>项目名称</td><td colspan="5">${name}</td></tr>
<tr><td>主管部门</td><td colspan="2">${DEPARTMENTS[n % DEPARTMENTS.length]}</td><td>实施单位</td><td colspan="2">${UNITS[n % UNITS.length]}</td></tr>
<tr><td rowspan="3">项目资金<br>（万元）</td><td colspan="3">年度资金总额</td><td colspan="2">${amount(budget)}</td></tr>
<tr><td colspan="3">其中：财政拨款</td><td colspan="2">${amount(budget)}</td></tr>
<tr><td colspan="3">其他资金</td><td colspan="2"></td></tr>
<tr><td>年度总体目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>分值</td></tr>
${body}
</table>`;
}

export function benchHtml(projects = BENCH_PROJECTS): string {
  const tables: string[] = [];
  for (let n = 1; n <= projects; n++) tables.push(n % 2 === 1 ? selfEvaluationTable(n) : targetsTable(n));
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>项目支出绩效表（基准测试）</title>
<style>table{border-collapse:collapse} td,th{border:1px solid #000;padding:1pt;font-size:9pt}</style></head><body>
${tables.join('\n')}
</body></html>
`;
}

export interface BenchDocuments {
  dir: string;
  pdf: string;
  docx: string;
  /** True when soffice ran this time; false when the cached files were used. */
  made: boolean;
}

/** The cached PDF and .docx for the current HTML, made with LibreOffice when missing. */
export async function benchDocuments(): Promise<BenchDocuments> {
  const html = benchHtml();
  const key = createHash('sha256').update(html).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'jixiao-bench', `read-${key}`);
  const pdf = join(dir, 'projects.pdf');
  const docx = join(dir, 'projects.docx');
  if (existsSync(pdf) && existsSync(docx)) return { dir, pdf, docx, made: false };
  mkdirSync(dir, { recursive: true });
  // Made in a scratch folder and moved in at the end: an interrupted run leaves no half-written cache behind.
  const work = mkdtempSync(join(dir, 'work-'));
  const profile = `/tmp/lo-bench-${process.pid}`;
  const soffice = (...args: string[]) =>
    promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, ...args, '--outdir', work], { timeout: 600_000 });
  try {
    writeFileSync(join(work, 'projects.html'), html);
    await soffice('--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', join(work, 'projects.html'));
    await soffice('--convert-to', 'pdf:writer_pdf_Export', join(work, 'projects.docx'));
    for (const f of ['projects.html', 'projects.docx', 'projects.pdf']) {
      if (!existsSync(join(work, f))) throw new Error(`soffice did not write ${f} in ${work}`);
    }
    renameSync(join(work, 'projects.html'), join(dir, 'projects.html'));
    renameSync(join(work, 'projects.docx'), docx);
    renameSync(join(work, 'projects.pdf'), pdf);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  return { dir, pdf, docx, made: true };
}

export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
