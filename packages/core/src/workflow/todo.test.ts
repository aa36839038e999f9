/**
 * 待办 as a table: who finds which target document, report and due report on their list, in every state — and
 * nobody finds what belongs to another department.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import { beijingDate, daysUntil, reportDueDate } from './deadlines';
import type { EvaluationWorkflowState } from './evaluation-workflow';
import { dueReports, evaluationTodo, targetTodo, TODO_KINDS, TODO_ORDER, warningTodo } from './todo';
import { initialTargetState, type TargetStatus, type TargetWorkflowState } from './target-workflow';

const DEPT = 7;
const ROLES: Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];

function actor(role: Role, departmentId: number | null = role.startsWith('unit') ? DEPT : null, assigned: number[] = [DEPT]): Actor {
  return { userId: 1, username: role, displayName: role, role, departmentId, assignedDepartmentIds: role === 'third-party-reviewer' ? assigned : [] };
}

const target = (status: TargetStatus, extra: Partial<TargetWorkflowState> = {}): TargetWorkflowState => ({
  ...initialTargetState(3, DEPT),
  status,
  statusVersion: 3,
  approvedVersion: status === 'approved' ? 3 : null,
  ...extra,
});

describe('targetTodo', () => {
  const expected: Record<TargetStatus, Partial<Record<Role, string>>> = {
    draft: { 'unit-editor': 'targets-to-submit', admin: 'targets-to-submit' },
    returned: { 'unit-editor': 'targets-returned', admin: 'targets-returned' },
    submitted: { 'unit-approver': 'targets-to-approve', admin: 'targets-to-approve' },
    'in-review': { 'finance-reviewer': 'targets-to-review', 'third-party-reviewer': 'targets-to-review', admin: 'targets-to-review' },
    approved: { 'finance-reviewer': 'targets-to-publish', admin: 'targets-to-publish' },
    rejected: {},
  };
  for (const [status, byRole] of Object.entries(expected) as Array<[TargetStatus, Partial<Record<Role, string>>]>) {
    it(`${status}: ${JSON.stringify(byRole)}`, () => {
      const got = Object.fromEntries(ROLES.map((role) => [role, targetTodo(target(status), null, actor(role))]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, byRole[role] ?? null])));
    });
  }

  it('a returned document stays on the editor’s list until resubmitted, fixed or not', () => {
    expect(targetTodo(target('returned', { statusVersion: 3, currentVersion: 3 }), null, actor('unit-editor'))).toBe('targets-returned');
    expect(targetTodo(target('returned', { statusVersion: 2, currentVersion: 3 }), null, actor('unit-editor'))).toBe('targets-returned');
  });

  it('published targets are off the publisher’s list; an approved adjustment’s new version is back on it', () => {
    expect(targetTodo(target('approved'), 3, actor('finance-reviewer'))).toBeNull();
    expect(targetTodo(target('approved', { approvedVersion: 4, currentVersion: 4 }), 3, actor('finance-reviewer'))).toBe('targets-to-publish');
  });

  it('nothing of another department: a unit elsewhere, a firm not engaged for it', () => {
    for (const status of ['draft', 'returned', 'submitted', 'in-review'] as const) {
      expect(targetTodo(target(status), null, actor('unit-editor', 8))).toBeNull();
      expect(targetTodo(target(status), null, actor('unit-approver', 8))).toBeNull();
      expect(targetTodo(target(status), null, actor('third-party-reviewer', null, [8]))).toBeNull();
    }
  });
});

const report = (kind: EvaluationWorkflowState['kind'], status: EvaluationWorkflowState['status']): EvaluationWorkflowState => ({
  kind,
  status,
  period: kind === 'monitoring' ? '2025-07' : '2025',
  revision: 2,
  departmentId: DEPT,
});

describe('evaluationTodo', () => {
  it('the unit submits drafts and returned reports; finance accepts submitted ones; a done self-evaluation waits to be published', () => {
    expect(evaluationTodo(report('monitoring', 'draft'), false, actor('unit-editor'), [])).toBe('monitoring-to-submit');
    expect(evaluationTodo(report('monitoring', 'returned'), false, actor('unit-editor'), [])).toBe('monitoring-returned');
    expect(evaluationTodo(report('monitoring', 'submitted'), false, actor('unit-editor'), [])).toBeNull();
    expect(evaluationTodo(report('monitoring', 'submitted'), false, actor('finance-reviewer'), [])).toBe('monitoring-to-accept');
    expect(evaluationTodo(report('monitoring', 'submitted'), false, actor('third-party-reviewer'), [])).toBeNull();
    expect(evaluationTodo(report('monitoring', 'done'), false, actor('finance-reviewer'), [])).toBeNull();
    // A self-evaluation goes to the unit head first, then to finance or the engaged firm.
    expect(evaluationTodo(report('self-evaluation', 'submitted'), false, actor('third-party-reviewer'), [])).toBeNull();
    expect(evaluationTodo(report('self-evaluation', 'submitted'), false, actor('unit-approver'), [])).toBe('self-evaluation-to-approve');
    expect(evaluationTodo(report('self-evaluation', 'in-review'), false, actor('third-party-reviewer'), [])).toBe('self-evaluation-to-accept');
    expect(evaluationTodo(report('self-evaluation', 'in-review'), false, actor('unit-approver'), [])).toBeNull();
    expect(evaluationTodo(report('self-evaluation', 'done'), false, actor('finance-reviewer'), [])).toBe('self-evaluation-to-publish');
    expect(evaluationTodo(report('self-evaluation', 'done'), true, actor('finance-reviewer'), [])).toBeNull();
    expect(evaluationTodo(report('self-evaluation', 'done'), false, actor('unit-editor'), [])).toBeNull();
  });

  it('a locked period waits for nobody', () => {
    const locks = [{ period: '2025-07', locked: true, reason: '已汇总', by: '财政局', at: '2025-08-31T00:00:00Z' }];
    expect(evaluationTodo(report('monitoring', 'draft'), false, actor('unit-editor'), locks)).toBeNull();
    expect(evaluationTodo(report('monitoring', 'submitted'), false, actor('finance-reviewer'), locks)).toBeNull();
  });
});

describe('dueReports', () => {
  const approved = { state: target('approved'), year: 2026, existing: [] };

  it('this year’s monitoring once months 1–7 are over, due on 8-31; nothing before', () => {
    expect(dueReports(approved, actor('unit-editor'), '2026-07-31', 7)).toEqual([]);
    expect(dueReports(approved, actor('unit-editor'), '2026-08-01', 7)).toEqual([{ kind: 'monitoring-due', evaluationKind: 'monitoring', period: '2026-07', due: '2026-08-31' }]);
  });

  it('a past year’s self-evaluation, due on 4-30 of the next year; not once begun', () => {
    const last = { ...approved, year: 2025 };
    expect(dueReports(last, actor('unit-editor'), '2026-01-05', 7)).toEqual([{ kind: 'self-evaluation-due', evaluationKind: 'self-evaluation', period: '2025', due: '2026-04-30' }]);
    expect(dueReports({ ...last, existing: [{ kind: 'self-evaluation', period: '2025' }] }, actor('unit-editor'), '2026-01-05', 7)).toEqual([]);
  });

  it('reviewers see a due report only once it is overdue; targets not approved owe nothing', () => {
    const last = { ...approved, year: 2025 };
    expect(dueReports(last, actor('finance-reviewer'), '2026-04-30', 7)).toEqual([]);
    expect(dueReports(last, actor('finance-reviewer'), '2026-05-01', 7)).toHaveLength(1);
    expect(dueReports({ ...last, state: target('in-review') }, actor('unit-editor'), '2026-05-01', 7)).toEqual([]);
    expect(dueReports(last, actor('unit-editor', 8), '2026-05-01', 7)).toEqual([]);
  });
});

describe('deadlines', () => {
  it('clamps the day to the month and rolls the year', () => {
    expect(reportDueDate('monitoring', '2026-01')).toBe('2026-02-28');
    expect(reportDueDate('monitoring', '2024-01')).toBe('2024-02-29');
    expect(reportDueDate('monitoring', '2026-12')).toBe('2027-01-31');
    expect(reportDueDate('self-evaluation', '2025')).toBe('2026-04-30');
    expect(reportDueDate('monitoring', '2025')).toBeNull();
  });

  it('counts in Beijing days: 16:30 UTC on 31 July is already 1 August', () => {
    expect(beijingDate(new Date('2026-07-31T16:30:00Z'))).toBe('2026-08-01');
    expect(beijingDate(new Date('2026-07-31T15:59:00Z'))).toBe('2026-07-31');
    expect(daysUntil('2026-08-01', '2026-08-31')).toBe(30);
    expect(daysUntil('2026-09-02', '2026-08-31')).toBe(-2);
  });

  it('every kind has a label and a hint', () => {
    for (const kind of TODO_ORDER) expect(TODO_KINDS[kind].label.length * TODO_KINDS[kind].hint.length).toBeGreaterThan(0);
  });
});

describe('warningTodo (issue 14 item 8): the unit answers, the finance reviewer sees it once overdue', () => {
  const pending = { departmentId: DEPT, unanswered: 2, due: '2026-12-08' };
  const unit = actor('unit-editor');
  const reviewer = actor('finance-reviewer');
  it.each([
    ['unit before the deadline', unit, '2026-12-08', 'monitoring-warning-to-respond'],
    ['unit after the deadline', unit, '2026-12-09', 'monitoring-warning-to-respond'],
    ['reviewer on the last day', reviewer, '2026-12-08', null],
    ['reviewer the day after', reviewer, '2026-12-09', 'monitoring-warning-overdue'],
  ] as const)('%s', (_, who, today, kind) => {
    expect(warningTodo(pending, who, today)).toBe(kind);
  });
  it('nothing once every warning is answered, nor for another department', () => {
    expect(warningTodo({ ...pending, unanswered: 0 }, reviewer, '2027-01-01')).toBeNull();
    expect(warningTodo({ ...pending, departmentId: DEPT + 1 }, unit, '2026-12-08')).toBeNull();
  });
});
