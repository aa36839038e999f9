/**
 * 待办 (issue 13 item 2): what waits for this person, decided by the same rules that decide the buttons — an item is
 * on someone's list exactly when the workflow would let them act on it now (or, for a report not yet begun, when
 * they would be the one to fill it in). Nothing here reads a role name to guess: the access table and the
 * transitions answer.
 */
import type { Actor } from '../access/actor';
import { inScope, roleAllows } from '../access/permissions';
import { DEFAULT_REPORTING_CALENDAR, daysUntil, reportDueDate, type ReportingCalendar } from './deadlines';
import { decideEvaluationTransition, type EvaluationWorkflowKind, type EvaluationWorkflowState } from './evaluation-workflow';
import type { PeriodLock } from './period-lock';
import type { RectificationTodoKind } from '../rectification/todo';
import { decidePublishEvaluation, decidePublishTargets } from './publication';
import { decideTargetEdit, decideTargetTransition, type TargetWorkflowState } from './target-workflow';

export type TodoKind =
  | 'targets-returned'
  | 'targets-to-submit'
  | 'targets-to-approve'
  | 'targets-to-review'
  | 'targets-to-publish'
  | 'monitoring-due'
  | 'monitoring-returned'
  | 'monitoring-to-submit'
  | 'monitoring-to-accept'
  | 'monitoring-warning-to-respond'
  | 'monitoring-warning-overdue'
  | 'self-evaluation-due'
  | 'self-evaluation-returned'
  | 'self-evaluation-to-submit'
  | 'self-evaluation-to-approve'
  | 'self-evaluation-to-accept'
  | 'self-evaluation-to-publish'
  | RectificationTodoKind;

/** In the order a home page lists them: what was sent back first, then one's own next step, then others' work to check. */
export const TODO_KINDS: Readonly<Record<TodoKind, { label: string; hint: string }>> = {
  'rectification-returned': { label: '整改被退回', hint: '财政审核人认为整改不到位，按退回理由继续整改后重新反馈' },
  'rectification-to-feed-back': { label: '整改待反馈', hint: '已下发的整改事项，按整改措施办理后反馈情况并上传佐证材料' },
  'targets-returned': { label: '绩效目标被退回', hint: '按审核意见修改并保存（形成新版本）后重新提交' },
  'targets-to-submit': { label: '绩效目标待提交', hint: '草稿或调整申请，完善后提交单位负责人审批' },
  'targets-to-approve': { label: '绩效目标待单位审批', hint: '填报人已提交，审批通过后报送财政审核，或退回修改' },
  'targets-to-review': { label: '绩效目标待审核', hint: '单位已报送，完成评审并按结论退回、批复或不予安排' },
  'targets-to-publish': { label: '已批复待公开', hint: '已批复的绩效目标，随部门预算公开' },
  'monitoring-due': { label: '运行监控待填报', hint: '已批复目标本期尚未开始监控' },
  'monitoring-returned': { label: '运行监控被退回', hint: '按退回理由修改后重新提交' },
  'monitoring-to-submit': { label: '运行监控待提交', hint: '已开始填报，尚未提交' },
  'monitoring-to-accept': { label: '运行监控待审核', hint: '单位已提交，审核通过或退回' },
  'monitoring-warning-to-respond': { label: '监控预警待反馈', hint: '提交的运行监控触发预警，在期限内逐条反馈继续执行、调剂或取消并说明理由' },
  'monitoring-warning-overdue': { label: '监控预警逾期未反馈', hint: '单位超过反馈期限仍未答复的监控预警，请督促或处理' },
  'self-evaluation-due': { label: '绩效自评待填报', hint: '年度已结束，已批复目标尚未开始自评' },
  'self-evaluation-returned': { label: '绩效自评被退回', hint: '按退回理由修改后重新提交' },
  'self-evaluation-to-submit': { label: '绩效自评待提交', hint: '已开始填报，尚未提交' },
  'self-evaluation-to-approve': { label: '绩效自评待单位审核', hint: '填报人已提交，审核通过后报送财政，或退回填报人修改' },
  'self-evaluation-to-accept': { label: '绩效自评待审核', hint: '单位负责人已审核报送，审核通过或退回' },
  'self-evaluation-to-publish': { label: '自评结果待公开', hint: '财政审核完成的自评结果，随部门决算公开' },
  'rectification-to-verify': { label: '整改待销号', hint: '单位已反馈整改情况，核实佐证材料后销号或退回' },
  'rectification-to-issue': { label: '整改待下发', hint: '已登记的整改事项，下发整改通知书' },
  'rectification-overdue': { label: '整改已逾期', hint: '责任单位超过整改期限仍未反馈，督促办理' },
};

export const TODO_ORDER: readonly TodoKind[] = Object.keys(TODO_KINDS) as TodoKind[];

const ANY_REASON = '（待办判断）';

/** What waits on a target document for this actor, or null. `publishedVersion`: the version public now. */
export function targetTodo(state: TargetWorkflowState, publishedVersion: number | null, actor: Actor): TodoKind | null {
  // The editor's step: a returned document is waiting for an edit (submit is refused until there is a new version).
  const editable = decideTargetEdit(state, actor).ok;
  if (state.status === 'returned' && editable) return 'targets-returned';
  if (state.status === 'draft' && editable) return 'targets-to-submit';
  if (state.status === 'submitted' && decideTargetTransition(state, { action: 'approve-unit', actor }).ok) return 'targets-to-approve';
  // The review's outcome follows its conclusion; a reviewer has work here whichever conclusion it will be.
  if (state.status === 'in-review' && roleAllows(actor.role, 'review.decide') && inScope(actor, state.departmentId)) return 'targets-to-review';
  if (state.status === 'approved' && decidePublishTargets(state, actor, publishedVersion).ok) return 'targets-to-publish';
  return null;
}

const evaluationKinds = {
  monitoring: { due: 'monitoring-due', returned: 'monitoring-returned', submit: 'monitoring-to-submit', accept: 'monitoring-to-accept' },
  'self-evaluation': { due: 'self-evaluation-due', returned: 'self-evaluation-returned', submit: 'self-evaluation-to-submit', accept: 'self-evaluation-to-accept' },
} as const satisfies Record<EvaluationWorkflowKind, Record<'due' | 'returned' | 'submit' | 'accept', TodoKind>>;

/** What waits on a monitoring report or self-evaluation for this actor, or null. */
export function evaluationTodo(state: EvaluationWorkflowState, published: boolean, actor: Actor, locks: readonly PeriodLock[]): TodoKind | null {
  const kinds = evaluationKinds[state.kind];
  const may = (action: 'submit' | 'approve-unit' | 'accept') => decideEvaluationTransition(state, { action, actor, reason: ANY_REASON }, locks).ok;
  if (may('submit')) return state.status === 'returned' ? kinds.returned : kinds.submit;
  if (may('approve-unit')) return 'self-evaluation-to-approve';
  if (may('accept')) return kinds.accept;
  if (state.kind === 'self-evaluation' && decidePublishEvaluation(state, actor, published).ok) return 'self-evaluation-to-publish';
  return null;
}

/** A report that should have been begun on approved targets and was not. */
export interface DueReport {
  kind: 'monitoring-due' | 'self-evaluation-due';
  evaluationKind: EvaluationWorkflowKind;
  period: string;
  due: string;
}

/**
 * The reports due on one approved target document that do not exist yet, as of `today` (Beijing date): this year's
 * monitoring once its months are over, and each past year's self-evaluation. Only for whoever fills them in;
 * reviewers see them once overdue (to chase them up).
 */
export function dueReports(
  target: { state: TargetWorkflowState; year: number | null; existing: ReadonlyArray<{ kind: EvaluationWorkflowKind; period: string }> },
  actor: Actor,
  today: string,
  cutoffMonth: number,
  calendar: ReportingCalendar = DEFAULT_REPORTING_CALENDAR,
): DueReport[] {
  const { state, year } = target;
  if (state.approvedVersion === null || year === null || !inScope(actor, state.departmentId)) return [];
  const thisYear = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const candidates: Array<{ kind: EvaluationWorkflowKind; period: string }> = [];
  if (year === thisYear && month > cutoffMonth) candidates.push({ kind: 'monitoring', period: `${year}-${String(cutoffMonth).padStart(2, '0')}` });
  if (year < thisYear) candidates.push({ kind: 'self-evaluation', period: String(year) });
  const out: DueReport[] = [];
  for (const c of candidates) {
    if (target.existing.some((e) => e.kind === c.kind && e.period === c.period)) continue;
    const due = reportDueDate(c.kind, c.period, calendar);
    if (due === null) continue;
    const fills = roleAllows(actor.role, `${c.kind}.edit`);
    const chases = roleAllows(actor.role, `${c.kind}.review`) && daysUntil(today, due) < 0;
    if (fills || chases) out.push({ kind: evaluationKinds[c.kind].due, evaluationKind: c.kind, period: c.period, due });
  }
  return out;
}

/**
 * A monitoring report's warnings not yet answered (issue 14 item 8): the unit that fills the report in answers them
 * (until and after the deadline); the finance reviewer of the department sees them once the deadline has passed —
 * that is the escalation. `due` is the earliest deadline among the unanswered ones.
 */
export function warningTodo(report: { departmentId: number | null; unanswered: number; due: string }, actor: Actor, today: string): TodoKind | null {
  if (report.unanswered === 0 || !inScope(actor, report.departmentId)) return null;
  if (roleAllows(actor.role, 'monitoring.edit') && actor.role !== 'admin') return 'monitoring-warning-to-respond';
  if (roleAllows(actor.role, 'monitoring.review') && daysUntil(today, report.due) < 0) return 'monitoring-warning-overdue';
  return null;
}
