/**
 * When monitoring reports and self-evaluations are due (待办's 截止日期, decision 027). Data with its source, like
 * every rule: a district whose notice sets other dates changes the numbers here (a later step moves them into the
 * monitoring rule set together with the warning thresholds of issue 14).
 */

export interface ReportingCalendar {
  id: string;
  version: number;
  title: string;
  sources: ReadonlyArray<{ docNo: string; note: string }>;
  /** A monitoring report of months 1–m is due on `day` of month m + `monthsAfter` (the day clamped to the month). */
  monitoring: { monthsAfter: number; day: number };
  /** A year's self-evaluation is due on this day of the next year. */
  selfEvaluation: { month: number; day: number };
}

export const DEFAULT_REPORTING_CALENDAR: ReportingCalendar = {
  id: 'cn-reporting-calendar',
  version: 1,
  title: '绩效监控与自评填报期限（默认）',
  sources: [
    { docNo: '财预〔2019〕136号', note: '每年 8 月对 1—7 月预算执行和绩效目标实现情况开展监控：1—7 月的监控报告于 8 月 31 日前完成（待核）' },
    { docNo: '财预〔2020〕10号', note: '年度终了后开展绩效自评；完成日期按本地财政部门通知，默认次年 4 月 30 日' },
  ],
  monitoring: { monthsAfter: 1, day: 31 },
  selfEvaluation: { month: 4, day: 30 },
};

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function dateOf(year: number, month: number, day: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, daysIn(y, m)))}`;
}

/** The due date (`YYYY-MM-DD`) of a monitoring report (`period` `YYYY-MM`) or a self-evaluation (`YYYY`); null for anything else. */
export function reportDueDate(kind: 'monitoring' | 'self-evaluation', period: string, calendar: ReportingCalendar = DEFAULT_REPORTING_CALENDAR): string | null {
  if (kind === 'monitoring') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) return null;
    return dateOf(Number(m[1]), Number(m[2]) + calendar.monitoring.monthsAfter, calendar.monitoring.day);
  }
  if (!/^\d{4}$/.test(period)) return null;
  return dateOf(Number(period) + 1, calendar.selfEvaluation.month, calendar.selfEvaluation.day);
}

/** Today's date in Beijing (`YYYY-MM-DD`): the day a deadline is counted in (China keeps UTC+8 all year). */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `due` (negative once overdue); both `YYYY-MM-DD`. */
export function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last day (`YYYY-MM-DD`, Beijing) of a response due `workingDays` working days after `issuedAt` (an ISO
 * instant): Monday to Friday count, Saturday and Sunday are skipped; the day of issue does not count. Public holidays
 * and the weekend days worked in their place (调休) are not modelled — a district that needs them sets more days.
 */
export function responseDue(issuedAt: string, workingDays: number): string {
  const day = new Date(`${beijingDate(new Date(issuedAt))}T00:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}
