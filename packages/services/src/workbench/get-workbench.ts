/**
 * 工作台 (issue 13 item 2): what waits for this person, decided by the core's rules (`targetTodo`, `evaluationTodo`,
 * `dueReports`) over the documents and reports of their departments, and the last things they did. Two indexed reads
 * of the workflow, the period locks and one page of the audit trail: no document content is loaded.
 */
import type { RecentActivityDto, TodoGroupDto, TodoItemDto, WorkbenchDto } from '@jixiao/contract';
import { WORKBENCH_ITEMS_PER_GROUP } from '@jixiao/contract';
import {
  auditActionLabel,
  beijingDate,
  daysUntil,
  DEFAULT_REPORTING_CALENDAR,
  dueReports,
  evaluationTodo,
  NATIONAL_MONITORING,
  rectificationDaysLeft,
  rectificationTodo,
  reportDueDate,
  targetTodo,
  warningTodo,
  TODO_KINDS,
  TODO_ORDER,
  type Actor,
  type TodoKind,
} from '@jixiao/core';
import { listScopeOf } from '../access/list-scope';
import type { MonitoringWarningStore } from '../monitoring/warning-ports';
import type { AuditLog, AuditReader } from '../ports';
import type { WorkflowStore } from '../workflow/ports';
import type { RectificationStore } from '../rectification/ports';

export interface WorkbenchDeps {
  store: { workflow: WorkflowStore; audit: AuditLog & AuditReader; rectifications: RectificationStore; monitoringWarnings: Pick<MonitoringWarningStore, 'listWarnings'> };
}

/** How many of one's own recent changes the home shows (sign-ins and sign-outs left out). */
const RECENT = 8;

/** Days left, with no deadline after every deadline. */
const daysLeftOf = (x: TodoItemDto) => x.daysLeft ?? Number.MAX_SAFE_INTEGER;

/** Overdue first (most overdue first), then the nearest deadline, then what has waited longest. */
function pressing(a: TodoItemDto, b: TodoItemDto): number {
  return daysLeftOf(a) - daysLeftOf(b) || (a.since ?? '').localeCompare(b.since ?? '') || (a.documentId ?? 0) - (b.documentId ?? 0) || (a.rectificationId ?? 0) - (b.rectificationId ?? 0);
}

export async function getWorkbench(deps: WorkbenchDeps, actor: Actor, now: Date): Promise<WorkbenchDto> {
  const scope = listScopeOf(actor);
  const [targets, evaluations, locks, audit, rectifications] = await Promise.all([
    deps.store.workflow.listTargetWorkflows(scope),
    deps.store.workflow.listEvaluationWorkflows(scope),
    deps.store.workflow.listPeriodLocks(),
    deps.store.audit.listAudit({ actor: actor.username, limit: RECENT * 4 }),
    deps.store.rectifications.listOpen(scope),
  ]);
  const today = beijingDate(now);
  const byKind = new Map<TodoKind, TodoItemDto[]>();
  const add = (kind: TodoKind, item: TodoItemDto) => byKind.set(kind, [...(byKind.get(kind) ?? []), item]);
  const withDue = (due: string | null) => ({ due, daysLeft: due === null ? null : daysUntil(today, due) });

  const existing = new Map<number, Array<{ kind: 'monitoring' | 'self-evaluation'; period: string }>>();
  for (const e of evaluations) existing.set(e.documentId, [...(existing.get(e.documentId) ?? []), { kind: e.kind, period: e.period }]);

  const cutoffMonth = NATIONAL_MONITORING.settings.defaultCutoffMonth;
  for (const t of targets) {
    const base = { documentId: t.documentId, rectificationId: null, title: t.title, department: t.department, year: t.year };
    const kind = targetTodo(t, t.publishedVersion, actor);
    if (kind) add(kind, { ...base, evaluationId: null, period: null, since: t.updatedAt ?? t.currentVersionAt, due: null, daysLeft: null });
    for (const due of dueReports({ state: t, year: t.year, existing: existing.get(t.documentId) ?? [] }, actor, today, cutoffMonth)) {
      add(due.kind, { ...base, evaluationId: null, period: due.period, since: null, ...withDue(due.due) });
    }
  }
  for (const e of evaluations) {
    const kind = evaluationTodo(e, e.publishedAt !== null, actor, locks);
    if (!kind) continue;
    // A report still with the unit counts down to its deadline; one with finance is finance's, not late.
    const due = kind.endsWith('-to-submit') || kind.endsWith('-returned') ? reportDueDate(e.kind, e.period) : null;
    add(kind, { documentId: e.documentId, rectificationId: null, evaluationId: e.evaluationId, title: e.documentTitle, department: e.department, year: e.year, period: e.period, since: e.updatedAt, ...withDue(due) });
  }
  // 整改: the unit's items count down to their deadline (overdue ones also on the reviewer's list); the reviewer's own steps have none.
  for (const r of rectifications) {
    const kind = rectificationTodo(r, actor, today);
    if (!kind) continue;
    const daysLeft = rectificationDaysLeft(r, today);
    add(kind, {
      documentId: r.source.documentId,
      rectificationId: r.id,
      evaluationId: null,
      title: r.problem,
      department: r.department,
      year: null,
      period: null,
      since: r.updatedAt,
      due: daysLeft === null ? null : r.deadline,
      daysLeft,
    });
  }

  // Warnings not yet answered (issue 14 item 8): the unit's to answer; the finance reviewer's once past the deadline.
  const monitoring = evaluations.filter((e) => e.kind === 'monitoring');
  const warnings = await deps.store.monitoringWarnings.listWarnings({ evaluationIds: monitoring.map((e) => e.evaluationId) });
  for (const e of monitoring) {
    const open = warnings.filter((w) => w.evaluationId === e.evaluationId && w.responses.length === 0);
    if (open.length === 0) continue;
    const due = open.map((w) => w.due).sort()[0]!;
    const kind = warningTodo({ departmentId: e.departmentId, unanswered: open.length, due }, actor, today);
    if (!kind) continue;
    const since = open.map((w) => w.issuedAt).sort()[0]!;
    add(kind, { documentId: e.documentId, rectificationId: null, evaluationId: e.evaluationId, title: e.documentTitle, department: e.department, year: e.year, period: e.period, since, ...withDue(due) });
  }

  const groups: TodoGroupDto[] = TODO_ORDER.filter((kind) => byKind.has(kind)).map((kind) => {
    const items = (byKind.get(kind) ?? []).sort(pressing);
    return {
      kind,
      ...TODO_KINDS[kind],
      count: items.length,
      overdue: items.filter((i) => i.daysLeft !== null && i.daysLeft < 0).length,
      items: items.slice(0, WORKBENCH_ITEMS_PER_GROUP),
    };
  });

  const titles = new Map(targets.map((t) => [String(t.documentId), t.title]));
  const problems = new Map(rectifications.map((r) => [String(r.id), r.problem]));
  const evaluationTitles = new Map(evaluations.map((e) => [String(e.evaluationId), e.documentTitle]));
  const recent: RecentActivityDto[] = audit.items
    .filter((a) => !a.action.startsWith('session.'))
    .slice(0, RECENT)
    .map((a) => ({
      at: a.at,
      action: a.action,
      label: auditActionLabel(a.action),
      objectType: a.objectType,
      objectId: a.objectId,
      title: (a.objectType === 'document' ? titles.get(a.objectId) : a.objectType === 'evaluation' ? evaluationTitles.get(a.objectId) : a.objectType === 'rectification' ? problems.get(a.objectId) : undefined) ?? null,
    }));

  return { today, calendar: { title: DEFAULT_REPORTING_CALENDAR.title, sources: [...DEFAULT_REPORTING_CALENDAR.sources] }, groups, recent };
}
