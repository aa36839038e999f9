/**
 * Writes the pre-filled actuals workbook of a self-evaluation: on 「实际完成值」 every indicator of the frozen
 * targets (grey, locked: the targets cannot be changed here) with the actual, tier, score and reason columns the unit
 * fills (yellow, unlocked) pre-filled with what is entered so far; on 「预算执行」 the budget lines; 「填报说明」 says
 * how. The sheets are protected without a password — a guard against slips, not a lock: the reader checks the
 * target cells anyway.
 */
import {
  budgetSlots,
  formatTarget,
  indicatorSlots,
  scopeOf,
  type PerformanceDocument,
  type SelfEvaluationEntries,
} from '@jixiao/core';
import ExcelJS, { type Worksheet } from 'exceljs';
import { AMOUNT_FORMAT, setupPrint, THIN } from '../xlsx/sheet-style';
import { colLetter } from '../xlsx/grid';
import { writeGuide } from '../templates/template-style';
import {
  ACTUAL_COLUMNS,
  ACTUALS_SHEET,
  BUDGET_COLUMNS,
  BUDGET_SHEET,
  GOAL_ROW_KEY,
  GUIDE_SHEET,
  HEADER_ROW,
  identityMarker,
  INPUT_FILL,
  TARGET_FILL,
  TIER_WORDS,
  type ActualsWorkbookIdentity,
} from './layout';

export interface ActualsWorkbookInput {
  target: PerformanceDocument;
  entries: SelfEvaluationEntries;
  identity: ActualsWorkbookIdentity;
  /** Weights per indicator key as the rule set gives them (the 分值 column), when known. */
  weights?: Record<string, number>;
}

type Columns = readonly { key: string; title: string; width: number; input?: boolean }[];

function header(sheet: Worksheet, columns: Columns, title: string, subtitle: string): void {
  // Titles start at B: column A (the row keys) is hidden, and a merged cell shows its hidden master's value nowhere.
  sheet.mergeCells(1, 2, 1, columns.length);
  const t = sheet.getCell(1, 2);
  t.value = title;
  t.font = { name: '黑体', size: 14 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;
  sheet.mergeCells(2, 2, 2, columns.length);
  sheet.getCell(2, 2).value = subtitle;
  sheet.getCell(2, 2).font = { name: '宋体', size: 10 };
  setupPrint(sheet);
  columns.forEach((c, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = c.title;
    cell.font = { name: '黑体', size: 10.5 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.input ? INPUT_FILL : 'FFDDEBF7' } };
    cell.border = THIN;
    sheet.getColumn(i + 1).width = c.width;
  });
  sheet.getColumn(1).hidden = true;
  sheet.getRow(HEADER_ROW).height = 30;
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }];
}

function row(sheet: Worksheet, r: number, columns: Columns, values: Record<string, string | number | null | undefined>): void {
  columns.forEach((c, i) => {
    const cell = sheet.getCell(r, i + 1);
    const v = values[c.key];
    cell.value = v ?? null;
    cell.border = THIN;
    cell.font = { name: '宋体', size: 10.5 };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.input ? INPUT_FILL : TARGET_FILL } };
    cell.protection = { locked: !c.input };
    // Typed actuals stay text (`95%` must not become 0.95).
    if (c.key === 'actual') cell.numFmt = '@';
    if (typeof v === 'number' && ['planned', 'initial', 'adjusted', 'spent'].includes(c.key)) cell.numFmt = AMOUNT_FORMAT;
  });
}

async function protect(sheet: Worksheet): Promise<void> {
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

export async function writeActualsWorkbook(input: ActualsWorkbookInput): Promise<Uint8Array> {
  const { target, entries, identity } = input;
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  book.keywords = identityMarker(identity);
  const who = target.department ?? target.units[0]?.name ?? '';
  const subtitle = `${who}　${identity.period} 年度　自评编号 ${identity.evaluationId}　目标文档 ${identity.documentId} 第 ${identity.targetVersion} 版　金额单位：${target.amountUnit}`;

  const actuals = book.addWorksheet(ACTUALS_SHEET);
  header(actuals, ACTUAL_COLUMNS, '绩效自评实际完成值填报表', subtitle);
  let r = HEADER_ROW + 1;
  const slots = indicatorSlots(target);
  for (const slot of slots) {
    const e = entries.indicators[slot.key] ?? {};
    const i = slot.indicator;
    row(actuals, r, ACTUAL_COLUMNS, {
      key: slot.key,
      group: slot.group,
      project: slot.project ?? '',
      level1: i.level1 ?? '',
      level2: i.level2 ?? '',
      name: i.name,
      target: formatTarget(i.annualTarget ?? i.periodTarget),
      weight: i.weight ?? input.weights?.[slot.key] ?? null,
      actual: e.actual ?? '',
      tier: e.tier ? TIER_WORDS[e.tier] : '',
      score: e.score ?? null,
      deviationReason: e.deviationReason ?? '',
    });
    r++;
  }
  if (scopeOf(target) === 'department') {
    const g = entries.goal ?? {};
    row(actuals, r, ACTUAL_COLUMNS, { key: GOAL_ROW_KEY, group: '年度目标', name: '年度目标完成情况（定性评定）', target: target.goalText ?? target.profile?.overallGoal ?? '', actual: g.completion ?? '', tier: g.tier ? TIER_WORDS[g.tier] : '', score: g.score ?? null });
    r++;
  }
  const last = Math.max(r - 1, HEADER_ROW + 1);
  const tierCol = colLetter(ACTUAL_COLUMNS.findIndex((c) => c.key === 'tier') + 1);
  for (let k = HEADER_ROW + 1; k <= last; k++) {
    actuals.getCell(`${tierCol}${k}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(TIER_WORDS).join(',')}"`], showErrorMessage: true, errorStyle: 'warning', error: '请选择 达成 / 部分达成 / 未达成' };
  }
  await protect(actuals);

  const budget = book.addWorksheet(BUDGET_SHEET);
  header(budget, BUDGET_COLUMNS, '预算执行情况填报表', subtitle);
  r = HEADER_ROW + 1;
  for (const slot of budgetSlots(target)) {
    const e = entries.budgets[slot.key] ?? {};
    row(budget, r, BUDGET_COLUMNS, { key: slot.key, label: slot.label, planned: slot.planned, initial: e.initial ?? slot.planned ?? null, adjusted: e.adjusted ?? null, spent: e.spent ?? null });
    r++;
  }
  await protect(budget);

  writeGuide(book.addWorksheet(GUIDE_SHEET), '填报说明', [
    '【怎样填】',
    `1. 只填黄色单元格：「${ACTUALS_SHEET}」表的实际完成值、定性档次、评定得分、偏差原因；「${BUDGET_SHEET}」表的年初预算数、全年预算数、全年执行数（单位：${target.amountUnit}）。`,
    '2. 灰色单元格是批复的绩效目标，不能在这里修改；工作表已保护（无密码），改动目标的文件上传时会被整份拒收。',
    '3. 实际完成值按指标值的单位填写数值，例如指标值「≥90%」填「95%」，「≥2场」填「3场」；定性指标（如「提升」「及时」）或无法用数值表示的，请在「定性档次」选 达成 / 部分达成 / 未达成，并可在该档分数区间内填评定得分（不填按建议分）。',
    '4. 实际完成值达到目标值 130% 以上（超额完成）时，须在「偏差原因 / 超额说明」中说明原因；未完成目标的，也请写明偏差原因。',
    '5. 第 A 列（行标识）已隐藏，请勿修改、删除或复制行；不要增加工作表或改动表头。',
    '【上传后】',
    '6. 在系统的自评页面点击「上传填报表」。任何一处错误（例如「实际完成值」工作表第 12 行 I 列：数值无法识别）都会列出工作表、行和列，整份文件不会导入；改正后重新上传即可。',
    '7. 上传成功后，页面上的实际完成值、得分和等级按规则集重新计算；空白单元格表示清空该项。',
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
