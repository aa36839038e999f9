/**
 * Writes the department-targets template (部门整体绩效目标): 部门整体, 重点工作任务, 部门绩效指标 and 说明 sheets.
 * From a document it reads back as the same document; from an empty one it is the blank template.
 */
import { emptyDocument, type DepartmentProfile, type PerformanceDocument } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { AMOUNT_FORMAT, THIN } from '../xlsx/sheet-style';
import type { ProjectField } from '../xlsx/columns';
import { DEPARTMENT_INDICATOR_COLUMNS, DEPARTMENT_INDICATOR_HEADER_ROW, DEPARTMENT_SHEETS, PROFILE_ROWS, TASK_HEADER_ROW, taskColumns, type ProfileKey, type TaskField } from './department-template-layout';
import { DIRECTION_WORDS, LEVEL1_NAMES, LEVEL2_NAMES, TEMPLATE_MARKER, VALIDATED_ROWS } from './template-layout';
import { validateColumn, writeGuide, writeHeader, writeTitle } from './template-style';

export async function writeDepartmentTargetsTemplate(document: PerformanceDocument = emptyDocument('department-targets')): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  book.keywords = TEMPLATE_MARKER.department;
  book.title = '部门整体绩效目标表';
  writeOverview(book.addWorksheet(DEPARTMENT_SHEETS.overview), document);
  writeTasks(book.addWorksheet(DEPARTMENT_SHEETS.tasks), document);
  writeIndicators(book.addWorksheet(DEPARTMENT_SHEETS.indicators), document);
  writeGuide(book.addWorksheet(DEPARTMENT_SHEETS.guide), '填写说明（jixiao 部门整体绩效目标模板）', DEPARTMENT_GUIDE);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function profileValue(doc: PerformanceDocument, key: ProfileKey): string | number | null {
  const p: DepartmentProfile = doc.profile ?? {};
  switch (key) {
    case 'department':
      return doc.department;
    case 'year':
      return doc.year;
    case 'amountUnit':
      return doc.amountUnit;
    case 'authorized':
      return p.staffing?.authorized ?? null;
    case 'actualStaff':
      return p.staffing?.actual ?? null;
    default:
      return p[key] ?? null;
  }
}

function writeOverview(sheet: ExcelJS.Worksheet, doc: PerformanceDocument): void {
  writeTitle(sheet, 1, 2, `${doc.year ? `${doc.year}年` : ''}部门整体绩效目标表`);
  writeHeader(sheet, 2, [
    { field: 'label', title: '项目', width: 22 },
    { field: 'value', title: '内容', width: 90, kind: 'longText' },
  ]);
  let r = 3;
  const put = (label: string, value: string | number | null, amount: boolean) => {
    const l = sheet.getCell(r, 1);
    l.value = label;
    l.font = { name: '黑体', size: 10.5 };
    l.border = THIN;
    const v = sheet.getCell(r, 2);
    v.value = value ?? null;
    v.border = THIN;
    v.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (amount) v.numFmt = AMOUNT_FORMAT;
    r++;
  };
  for (const row of PROFILE_ROWS) {
    const label = row.key === 'budgetTotal' || row.key === 'basicExpenditure' || row.key === 'projectExpenditure' ? `${row.labels[0]}(${doc.amountUnit})` : (row.labels[0] ?? '');
    put(label, profileValue(doc, row.key), row.kind === 'amount');
    if (row.key === 'amountUnit') validateColumn(sheet, 2, r - 1, 1, { list: ['万元', '元'] });
  }
  for (const [label, value] of Object.entries(doc.profile?.statedFigures ?? {})) put(label, value, true);
}

function writeTasks(sheet: ExcelJS.Worksheet, doc: PerformanceDocument): void {
  const columns = taskColumns(doc.amountUnit);
  writeTitle(sheet, 1, columns.length, '年度重点工作任务（每行一项任务；关联项目多个时用换行或分号分隔）');
  writeHeader(sheet, TASK_HEADER_ROW, columns);
  let r = TASK_HEADER_ROW + 1;
  for (const t of doc.keyTasks ?? []) {
    const row: Record<TaskField, string | number | null> = { no: null, name: t.name, content: t.content, funds: t.funds, expected: t.expected, projects: t.projects.length ? t.projects.join('\n') : null };
    sheet.getRow(r++).values = columns.map((c) => row[c.field]);
  }
  validateColumn(sheet, 3, TASK_HEADER_ROW + 1, Math.max(100, r - TASK_HEADER_ROW), { decimal: true });
}

function writeIndicators(sheet: ExcelJS.Worksheet, doc: PerformanceDocument): void {
  writeTitle(sheet, 1, DEPARTMENT_INDICATOR_COLUMNS.length, '部门整体绩效指标（每行一个三级指标）');
  writeHeader(sheet, DEPARTMENT_INDICATOR_HEADER_ROW, DEPARTMENT_INDICATOR_COLUMNS);
  let r = DEPARTMENT_INDICATOR_HEADER_ROW + 1;
  for (const ind of doc.indicators ?? []) {
    const row: Partial<Record<ProjectField, string | number | null>> = {
      no: ind.no,
      level1Code: ind.level1Code,
      level1: ind.level1,
      level2Code: ind.level2Code,
      level2: ind.level2,
      indicatorName: ind.name,
      explanation: ind.explanation ?? null,
      formula: ind.formula ?? null,
      annualTarget: ind.annualTarget?.text ?? null,
      periodTarget: ind.periodTarget?.text ?? null,
      direction: ind.direction ? DIRECTION_WORDS[ind.direction] : null,
    };
    sheet.getRow(r++).values = DEPARTMENT_INDICATOR_COLUMNS.map((c) => row[c.field] ?? null);
  }
  const first = DEPARTMENT_INDICATOR_HEADER_ROW + 1;
  const span = Math.max(VALIDATED_ROWS / 5, r - first);
  validateColumn(sheet, col('level1'), first, span, { list: LEVEL1_NAMES });
  validateColumn(sheet, col('level2'), first, span, { list: LEVEL2_NAMES });
  validateColumn(sheet, col('direction'), first, span, { list: Object.values(DIRECTION_WORDS) });
}

function col(f: ProjectField): number {
  return DEPARTMENT_INDICATOR_COLUMNS.findIndex((c) => c.field === f) + 1;
}

const DEPARTMENT_GUIDE = [
  '【这是什么】jixiao 部门整体绩效目标模板：「部门整体」填部门基本信息和预算，「重点工作任务」每行一项年度重点工作任务，「部门绩效指标」每行一个三级指标。',
  '【部门整体】左列是项目名称，不要改动；右列填写内容。金额单位只能是「万元」或「元」，所有金额都按这个单位填写，系统不会换算。',
  '【其他预算数字】可以在「部门整体」表末尾增加行：左列写名称（如 财政拨款、其他资金），右列写数字，系统会原样读取并用于勾稽核对。',
  '【重点工作任务】任务名称必填；资金填数字（可带千分位逗号）；关联项目写项目支出的项目名称，多个项目用换行或分号分隔。',
  '【部门绩效指标】一级指标：产出指标、效益指标、满意度指标（部分地区有成本指标）；二级指标：数量、质量、时效、成本、经济效益、社会效益、生态效益、可持续影响、服务对象满意度。',
  '【指标值】目标值写法如 ≥90%、100%、=12个、不少于1场；定性指标可写 提升、优良。指标解释说明指标含义，计算公式说明如何计算。',
  '【示例】重点工作任务：任务名称=基层党建，主要内容=加强社区党组织建设，资金=999.53，预期成效=基层党组织战斗堡垒作用增强，关联项目=社区办公经费。',
  '【示例】部门绩效指标：一级指标=产出指标，二级指标=数量指标，三级指标=开展党建活动次数，指标解释=全年开展的党建活动场次，计算公式=活动场次累计，目标值=≥12场。',
];
