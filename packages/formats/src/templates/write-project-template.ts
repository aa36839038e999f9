/**
 * The project-targets template (项目支出绩效目标申报模板): a 项目 sheet (one row per project, 小计 rows for units,
 * a 合计 row), a 绩效指标 sheet (one row per 三级指标, tied to its project by 项目编码 or 项目名称) and a 说明
 * sheet. Written from a document, it reads back as the same document; written from an empty one, it is the
 * blank template units fill in.
 */
import { emptyDocument, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';
import ExcelJS from 'exceljs';
import {
  DIRECTION_WORDS,
  INDICATOR_COLUMNS,
  INDICATOR_HEADER_ROW,
  LEVEL1_NAMES,
  LEVEL2_NAMES,
  PROJECT_HEADER_ROW,
  PROJECT_SHEETS,
  SUBTOTAL_LABEL,
  TEMPLATE_MARKER,
  TOTAL_LABEL,
  VALIDATED_ROWS,
  projectColumns,
} from './template-layout';
import { validateColumn, writeGuide, writeHeader, writeLabel, writeTitle } from './template-style';
import type { ProjectField } from '../xlsx/columns';

type Row = Partial<Record<ProjectField, string | number | null>>;

export async function writeProjectTargetsTemplate(document: PerformanceDocument = emptyDocument('project-targets')): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  book.keywords = TEMPLATE_MARKER.project;
  book.title = '项目支出绩效目标表';
  writeProjectsSheet(book.addWorksheet(PROJECT_SHEETS.projects), document);
  writeIndicatorsSheet(book.addWorksheet(PROJECT_SHEETS.indicators), document);
  writeGuide(book.addWorksheet(PROJECT_SHEETS.guide), '填写说明（jixiao 项目支出绩效目标模板）', PROJECT_GUIDE);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function writeProjectsSheet(sheet: ExcelJS.Worksheet, doc: PerformanceDocument): void {
  const columns = projectColumns(doc.amountUnit);
  writeTitle(sheet, 1, columns.length, `${doc.year ?? ''}${doc.year ? '年' : ''}项目支出绩效目标表`);
  writeLabel(sheet, 2, 1, '部门', doc.department, 4);
  writeLabel(sheet, 2, 6, '年度', doc.year);
  writeLabel(sheet, 2, 8, '金额单位', doc.amountUnit);
  validateColumn(sheet, 9, 2, 1, { list: ['万元', '元'] });
  writeHeader(sheet, PROJECT_HEADER_ROW, columns);

  const rows: Row[] = [];
  if (doc.statedTotal != null) rows.push({ name: TOTAL_LABEL, amount: doc.statedTotal });
  for (const unit of doc.units) {
    if (unit.statedAmount != null || unit.projects.length === 0) {
      rows.push({ unit: unit.name, unitCode: unit.code, name: SUBTOTAL_LABEL, amount: unit.statedAmount });
    }
    for (const p of unit.projects) rows.push(projectRow(unit.name, unit.code, p));
  }
  let r = PROJECT_HEADER_ROW + 1;
  for (const row of rows) {
    sheet.getRow(r).values = columns.map((c) => row[c.field] ?? null);
    if (row.name === TOTAL_LABEL || row.name === SUBTOTAL_LABEL) sheet.getRow(r).font = { bold: true };
    r++;
  }
  const first = PROJECT_HEADER_ROW + 1;
  const span = Math.max(VALIDATED_ROWS, rows.length);
  columns.forEach((c, i) => {
    if (c.kind === 'amount') validateColumn(sheet, i + 1, first, span, { decimal: true });
  });
}

function projectRow(unitName: string, unitCode: string | null, p: Project): Row {
  return {
    no: p.no ?? null,
    unit: unitName,
    unitCode,
    code: p.code,
    name: p.name,
    amount: p.amount,
    fiscal: p.funding.fiscal,
    specialAccount: p.funding.specialAccount,
    other: p.funding.other,
    category: p.category,
    description: p.description,
    goal: p.goal,
  };
}

function writeIndicatorsSheet(sheet: ExcelJS.Worksheet, doc: PerformanceDocument): void {
  writeTitle(sheet, 1, INDICATOR_COLUMNS.length, '绩效指标（每行一个三级指标，用项目编码或项目名称对应到「项目」表）');
  writeHeader(sheet, INDICATOR_HEADER_ROW, INDICATOR_COLUMNS);
  let r = INDICATOR_HEADER_ROW + 1;
  for (const unit of doc.units) {
    for (const p of unit.projects) {
      for (const ind of p.indicators) {
        const row = indicatorRow(p, ind);
        sheet.getRow(r++).values = INDICATOR_COLUMNS.map((c) => row[c.field] ?? null);
      }
    }
  }
  const first = INDICATOR_HEADER_ROW + 1;
  const span = Math.max(VALIDATED_ROWS, r - first);
  validateColumn(sheet, col('level1'), first, span, { list: LEVEL1_NAMES });
  validateColumn(sheet, col('level2'), first, span, { list: LEVEL2_NAMES });
  validateColumn(sheet, col('direction'), first, span, { list: Object.values(DIRECTION_WORDS) });
  validateColumn(sheet, col('no'), first, span, { integer: true });
}

function col(f: ProjectField): number {
  return INDICATOR_COLUMNS.findIndex((c) => c.field === f) + 1;
}

function indicatorRow(p: Project, ind: Indicator): Row {
  return {
    code: p.code,
    name: p.name,
    no: ind.no,
    level1Code: ind.level1Code,
    level1: ind.level1,
    level2Code: ind.level2Code,
    level2: ind.level2,
    indicatorName: ind.name,
    periodTarget: ind.periodTarget?.text ?? null,
    annualTarget: ind.annualTarget?.text ?? null,
    explanation: ind.explanation ?? null,
    formula: ind.formula ?? null,
    direction: ind.direction ? DIRECTION_WORDS[ind.direction] : null,
  };
}

const PROJECT_GUIDE = [
  '【这是什么】jixiao 项目支出绩效目标模板：「项目」表每行一个项目，「绩效指标」表每行一个三级指标。填好后用 jixiao parse / import 或网页导入。',
  '【表头】第 3 行（项目表）和第 2 行（绩效指标表）是表头，不要删除或改名；可以调整列的顺序，也可以删除不用的列。',
  '【部门、年度、金额单位】填在「项目」表第 2 行。金额单位只能是「万元」或「元」；所有金额都按这个单位填写，系统不会换算。',
  '【单位】每个项目填写所属预算单位名称；留空时沿用上一行的单位。单位编码可不填。',
  '【小计与合计】项目名称填「小计」的行是该单位的小计（金额 = 单位合计）；项目名称填「合计」的行是全部项目的合计。两者都可不填；填了系统会核对是否一致。',
  '【金额】金额、财政拨款、财政专户拨款、其他资金填数字，可以带千分位逗号（1,234.50）；不能填文字。资金来源之和应等于金额。',
  '【项目编码】建议填写并保持唯一；「绩效指标」表用项目编码对应项目，没有编码时用项目名称对应（名称须与「项目」表完全一致）。',
  '【一级/二级指标】一级指标：产出指标(1)、效益指标(2)、满意度指标(3)（部分地区有成本指标(4)）。二级指标：数量11、质量12、时效13、成本14；经济效益21、社会效益22、生态效益23、可持续影响24；服务对象满意度31。编码和名称写一个即可。',
  '【指标值】写法如 ≥90%、100%、=12个、≥2场、≤2小时、16小时/天、不少于1场；定性指标可写 提升、优良、及时 等。实施周期指标值用于跨年度项目，年度指标值必填。',
  '【指标方向】可选：越高越好 / 越低越好。留空时按指标值和名称自动判断（如 ≤、投诉、事故 为越低越好）。',
  '【每个项目】至少 3 个三级指标，并且产出、效益、满意度指标各至少 1 个。',
  '【示例】项目表：单位=广州市荔湾区人民政府金花街道办事处，项目名称=办公场地租赁费，金额=60.80，财政拨款=60.80，绩效目标=保障办公场地租金按时缴纳。',
  '【示例】绩效指标表：项目名称=办公场地租赁费，序号=1，一级指标=产出指标，二级指标=数量指标，三级指标=办公场地租金缴纳率，实施周期指标值=100%，年度指标值=100%。',
];
