import type { AmountUnit, BudgetRow } from '../../document/model';
import { formatAmount } from '../../money/amount';
import type { ReviewContext } from '../context';
import { compareSum } from '../tolerance';
import type { FindingLocation } from '../types';
import type { Check } from './check';

/**
 * 勾稽: parts add up to their stated totals — funding sources to a project's amount, projects to their unit, units
 * to the 合计, sources to the budget total, 基本 + 项目 to the whole, task funds to the project expenditure,
 * a task's project list to its stated total, staffing categories to the staff in post. Tolerates only the
 * rounding of what was printed (seed 003: sources 17,621.94 vs total 17,626.37 is flagged; 004's 4,487 vs 4,487.07 is not).
 */
export const sumMismatch: Check = {
  id: 'sum-mismatch',
  dimension: 'consistency',
  run(ctx) {
    const unit = ctx.doc.amountUnit;
    const compare = (parts: Array<number | null | undefined>, total: number | null | undefined, what: string, location: FindingLocation, partsLabel: string) => {
      const present = parts.filter((p): p is number => p != null);
      if (total == null || present.length === 0) return;
      const c = compareSum(present, total, unit);
      if (c.withinRounding) return;
      report(ctx, unit, what, location, partsLabel, present, total, c.sum);
    };

    for (const { unit: u, project } of ctx.projects) {
      const f = project.funding;
      if (f.fiscal != null || f.specialAccount != null || f.other != null) {
        compare([f.fiscal, f.specialAccount, f.other], project.amount, `项目「${project.name}」的资金来源合计与项目金额`, { unit: u.name, project: project.name, field: '资金来源' }, '财政拨款 + 财政专户拨款 + 其他资金');
      }
    }
    // In an excerpt (the reader says pages are missing) the subtotals and 合计 also cover projects not in the file:
    // they cannot be checked, so a difference is a warning to look at the whole document, not an error.
    const excerpt = ctx.doc.problems.some((p) => p.code === 'document-incomplete');
    const compareTotal = (parts: Array<number | null | undefined>, total: number | null | undefined, what: string, location: FindingLocation, partsLabel: string) => {
      const present = parts.filter((p): p is number => p != null);
      if (total == null || present.length === 0) return;
      const c = compareSum(present, total, unit);
      if (c.withinRounding) return;
      report(ctx, unit, what, location, partsLabel, present, total, c.sum, unit, excerpt);
    };
    for (const u of ctx.doc.units) {
      if (u.projects.length === 0) continue;
      compareTotal(u.projects.map((p) => p.amount), u.statedAmount, `单位「${u.name}」的项目金额合计与单位小计`, { unit: u.name, field: '单位小计' }, '各项目金额');
    }
    if (ctx.doc.statedTotal != null) {
      const units = ctx.doc.units.filter((u) => u.statedAmount != null || u.projects.length > 0);
      const parts = units.map((u) => u.statedAmount ?? sumOrNull(u.projects.map((p) => p.amount), unit));
      compareTotal(parts, ctx.doc.statedTotal, '各单位金额合计与「合计」', { field: '合计' }, units.every((u) => u.statedAmount != null) ? '各单位小计' : '各项目金额');
    }

    const budget = ctx.doc.budget;
    if (budget) {
      const totalRow = budget.bySource.find(isTotalRow);
      const sources = budget.bySource.filter((r) => !isTotalRow(r));
      if (sources.length > 0) {
        for (const [key, label] of [
          ['initial', '年初预算数'],
          ['adjustment', '预算调整数'],
          ['adjusted', '全年预算数'],
          ['spent', '实际支出数'],
        ] as const) {
          const total = totalRow?.[key] ?? budget[key];
          compare(sources.map((r) => r[key]), total, `各资金来源的${label}与合计`, { field: '部门资金情况' }, sources.map((r) => r.source).join(' + '));
        }
      }
      if (budget.basic != null && budget.project != null) {
        compare([budget.basic, budget.project], budget.spent, '基本支出与项目支出之和与执行数', { field: '部门资金情况' }, '基本支出 + 项目支出');
      }
    }

    const profile = ctx.doc.profile;
    if (profile) {
      compare([profile.basicExpenditure, profile.projectExpenditure], profile.budgetTotal, '基本支出与项目支出之和与部门预算总数', { field: '部门整体支出预算' }, '基本支出 + 项目支出');
      const figures = profile.statedFigures ?? {};
      const staff = ['行政编制', '事业编制', '后勤服务人员'].map((k) => figures[k]).filter((v): v is number => v != null);
      if (staff.length >= 2 && profile.staffing?.actual != null) {
        const c = compareSum(staff, profile.staffing.actual, unit);
        if (!c.withinRounding) report(ctx, unit, '各类在职人员之和与在职实有人数', { field: '部门人员编制' }, '行政编制 + 事业编制 + 后勤服务人员', staff, profile.staffing.actual, c.sum, '人');
      }
    }

    const tasks = ctx.doc.keyTasks ?? [];
    const funds = tasks.map((t) => t.funds);
    if (tasks.length > 0 && funds.some((f) => f != null)) {
      const isSelfEvaluation = ctx.doc.kind.endsWith('self-evaluation');
      const total = isSelfEvaluation ? ctx.doc.budget?.spent : (profile?.projectExpenditure ?? null);
      compare(funds, total, isSelfEvaluation ? '各重点任务涉及资金之和与实际支出数' : '各重点任务拟投入资金之和与项目支出预算', { field: '年度重点工作任务' }, tasks.map((t) => t.name).join(' + '));
    }
    for (const task of tasks) {
      if (task.projectLines?.length) {
        compare(task.projectLines.map((l) => l.amount), task.statedProjectTotal, `任务「${task.name}」所列项目金额之和与预算合计金额`, { keyTask: task.name, field: '主要实施项目' }, '所列项目金额');
        compare(task.projectLines.map((l) => l.amount), task.funds, `任务「${task.name}」所列项目金额之和与任务拟投入资金`, { keyTask: task.name, field: '主要实施项目' }, '所列项目金额');
      }
    }
  },
};

function isTotalRow(row: BudgetRow): boolean {
  return /^(合计|总计|小计)$/.test(row.source.replace(/\s/g, ''));
}

function sumOrNull(values: Array<number | null>, unit: AmountUnit): number | null {
  const present = values.filter((v): v is number => v != null);
  if (present.length === 0) return null;
  return compareSum(present, 0, unit).sum;
}

function report(ctx: ReviewContext, unit: AmountUnit, what: string, location: FindingLocation, partsLabel: string, parts: number[], total: number, sum: number, measure: string = unit, excerpt = false) {
  const fmt = (n: number) => (measure === unit ? formatAmount(n) : String(n));
  ctx.report({
    check: 'sum-mismatch',
    dimension: 'consistency',
    location,
    ...(excerpt ? { severity: 'warning' as const } : {}),
    message: `${what}不一致：${partsLabel} = ${fmt(sum)} ${measure}，而文中写的是 ${fmt(total)} ${measure}（相差 ${fmt(Math.abs(compareSum([sum], total, unit).difference))}）。${excerpt ? '本文件是节选，差额可能来自未列出的项目。' : ''}`,
    suggestion: excerpt ? '导入完整的文件后再核对；如确为全部项目，请改正合计或小计。' : '逐项核对各分项金额和合计数，改正录入或计算错误；如有未列出的分项，请补充完整。',
    evidence: `${parts.map(fmt).join(' + ')} = ${fmt(sum)}；合计 ${fmt(total)}`,
  });
}
