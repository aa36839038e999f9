/**
 * Monitoring and self-evaluation workflow, period locks and publication: every transition and every forbidden one.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import { availableEvaluationActions, decideEvaluationSave, EVALUATION_REASON_REQUIRED_ACTIONS, decideEvaluationTransition, type EvaluationAction, type EvaluationWorkflowState, type EvaluationWorkflowStatus } from './evaluation-workflow';
import { decidePeriodLock, findLock, type PeriodLock } from './period-lock';
import { decidePublishEvaluation, decidePublishTargets, decideWithdrawTargetsPublication } from './publication';
import { chinaTime } from './refusal';
import { initialTargetState } from './target-workflow';

const DEPT = 3;
const ROLES: Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];
const STATUSES: EvaluationWorkflowStatus[] = ['draft', 'submitted', 'returned', 'done'];
const actor = (role: Role, departmentId: number | null = role.startsWith('unit') ? DEPT : null): Actor => ({
  userId: 2,
  username: role,
  displayName: '某人',
  role,
  departmentId,
  assignedDepartmentIds: role === 'third-party-reviewer' ? [DEPT] : [],
});
const evaluation = (kind: EvaluationWorkflowState['kind'], status: EvaluationWorkflowStatus, period = kind === 'monitoring' ? '2024-07' : '2024'): EvaluationWorkflowState => ({
  kind,
  period,
  status,
  revision: 5,
  departmentId: DEPT,
});

/** Who may, from which states (the access table: monitoring is reviewed by finance only, self-evaluation also by third parties). */
const ALLOWED: Record<EvaluationAction, { from: EvaluationWorkflowStatus[]; to: EvaluationWorkflowStatus; roles: Record<EvaluationWorkflowState['kind'], Role[]> }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: { monitoring: ['unit-editor', 'unit-approver', 'admin'], 'self-evaluation': ['unit-editor', 'unit-approver', 'admin'] } },
  accept: { from: ['submitted'], to: 'done', roles: { monitoring: ['finance-reviewer', 'admin'], 'self-evaluation': ['finance-reviewer', 'third-party-reviewer', 'admin'] } },
  return: { from: ['submitted'], to: 'returned', roles: { monitoring: ['finance-reviewer', 'admin'], 'self-evaluation': ['finance-reviewer', 'third-party-reviewer', 'admin'] } },
};

describe('decideEvaluationTransition: every kind × action × state × role', () => {
  for (const kind of ['monitoring', 'self-evaluation'] as const) {
    for (const action of ['submit', 'accept', 'return'] as const) {
      for (const status of STATUSES) {
        for (const role of ROLES) {
          const rule = ALLOWED[action];
          const allowed = rule.from.includes(status) && rule.roles[kind].includes(role);
          it(`${kind} ${action} from ${status} by ${role}: ${allowed ? 'allowed' : 'refused'}`, () => {
            const got = decideEvaluationTransition(evaluation(kind, status), { action, actor: actor(role), reason: '理由' }, []);
            const expected = allowed
              ? { ok: true, record: { action, from: status, to: rule.to, reason: '理由', conclusion: null, round: 1, version: 5 } }
              : { ok: false, code: rule.roles[kind].includes(role) ? 'CONFLICT' : 'FORBIDDEN' };
            expect(got.ok ? got : { ok: false, code: got.code }).toEqual(expected);
          });
        }
      }
    }
  }

  it('return needs a reason; another department is refused', () => {
    expect(decideEvaluationTransition(evaluation('monitoring', 'submitted'), { action: 'return', actor: actor('finance-reviewer'), reason: ' ' }, [])).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(decideEvaluationTransition(evaluation('monitoring', 'draft'), { action: 'submit', actor: actor('unit-approver', 99) }, [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each(Object.keys(ALLOWED) as EvaluationAction[])('%s: refused without a reason exactly when EVALUATION_REASON_REQUIRED_ACTIONS names it', (action) => {
    const { from, roles } = ALLOWED[action];
    const got = decideEvaluationTransition(evaluation('self-evaluation', from[0]!), { action, actor: actor(roles['self-evaluation'][0]!), reason: ' ' }, []);
    expect(!got.ok && got.code === 'BAD_INPUT').toBe(EVALUATION_REASON_REQUIRED_ACTIONS.includes(action));
  });

  it('offers the buttons that would pass', () => {
    expect(availableEvaluationActions(evaluation('self-evaluation', 'submitted'), actor('finance-reviewer'), [])).toEqual(['accept', 'return']);
    expect(availableEvaluationActions(evaluation('self-evaluation', 'done'), actor('finance-reviewer'), [])).toEqual([]);
  });
});

const lock = (period: string, locked: boolean, at = '2025-01-10T00:00:00.000Z'): PeriodLock => ({ period, locked, reason: locked ? '年度结账' : '更正数据', by: '王财政', at });

describe('period locks', () => {
  it('a year covers its months and its self-evaluation; a month only itself; the latest word counts', () => {
    expect(findLock([lock('2024', true)], '2024-07')?.period).toBe('2024');
    expect(findLock([lock('2024', true)], '2024')?.period).toBe('2024');
    expect(findLock([lock('2024-07', true)], '2024-08')).toBeNull();
    expect(findLock([lock('2024-07', true)], '2024')).toBeNull();
    expect(findLock([lock('2024', true), lock('2024', false)], '2024-07')).toBeNull();
    expect(findLock([lock('2023', true)], '2024-01')).toBeNull();
  });

  it('a locked period refuses saves and transitions, naming who locked it and when', () => {
    const locks = [lock('2024', true)];
    const save = decideEvaluationSave(evaluation('monitoring', 'draft'), actor('unit-editor'), locks);
    expect(save).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(save.ok ? '' : save.message).toMatch(/2024 已由 王财政 于 2025-01-10 08:00 锁定（年度结账）.*解除锁定/);
    expect(decideEvaluationTransition(evaluation('self-evaluation', 'submitted'), { action: 'accept', actor: actor('finance-reviewer') }, locks)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideEvaluationSave(evaluation('monitoring', 'draft', '2025-03'), actor('unit-editor'), locks)).toEqual({ ok: true });
  });

  it('saves: drafts and returned only, by the roles that enter figures', () => {
    for (const status of STATUSES) expect(decideEvaluationSave(evaluation('monitoring', status), actor('unit-editor'), []).ok).toBe(status === 'draft' || status === 'returned');
    expect(decideEvaluationSave(evaluation('monitoring', 'draft'), actor('finance-reviewer'), [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('who may lock, what a period looks like, no double lock, a reason to unlock', () => {
    expect(decidePeriodLock([], { actor: actor('unit-approver'), period: '2024', locked: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decidePeriodLock([], { actor: actor('finance-reviewer'), period: '2024-13', locked: true })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(decidePeriodLock([], { actor: actor('finance-reviewer'), period: '2024', locked: true })).toEqual({ ok: true, reason: null });
    expect(decidePeriodLock([lock('2024', true)], { actor: actor('admin'), period: '2024', locked: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decidePeriodLock([lock('2024', true)], { actor: actor('admin'), period: '2024', locked: false })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(decidePeriodLock([lock('2024', true)], { actor: actor('admin'), period: '2024', locked: false, reason: '更正' })).toEqual({ ok: true, reason: '更正' });
    const month = decidePeriodLock([lock('2024', true)], { actor: actor('admin'), period: '2024-07', locked: false, reason: 'x' });
    expect(month).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(month.ok ? '' : month.message).toContain('锁定的是 2024 全年');
  });
});

describe('publication', () => {
  const approved = { ...initialTargetState(2, DEPT), status: 'approved' as const, approvedVersion: 2 };
  it('publishes the approved version only, by the roles the table allows, once', () => {
    expect(decidePublishTargets(approved, actor('finance-reviewer'), null)).toEqual({ ok: true, version: 2 });
    expect(decidePublishTargets(approved, actor('finance-reviewer'), 2)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decidePublishTargets(approved, actor('unit-editor'), null)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decidePublishTargets(initialTargetState(1, DEPT), actor('finance-reviewer'), null)).toMatchObject({ ok: false, code: 'CONFLICT' });
    // An adjustment under review: the approved version (not the draft) is what may be published.
    expect(decidePublishTargets({ ...approved, status: 'in-review', adjustment: true, currentVersion: 3 }, actor('finance-reviewer'), null)).toEqual({ ok: true, version: 2 });
  });

  it('withdraws what is public, by the roles that publish, and nothing that is not public', () => {
    expect(decideWithdrawTargetsPublication(approved, actor('finance-reviewer'), 2)).toEqual({ ok: true });
    expect(decideWithdrawTargetsPublication(approved, actor('finance-reviewer'), null)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('没有公开') });
    for (const role of ['unit-editor', 'unit-approver', 'third-party-reviewer'] as const) expect(decideWithdrawTargetsPublication(approved, actor(role), 2)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('publishes done self-evaluations only, never monitoring', () => {
    expect(decidePublishEvaluation(evaluation('self-evaluation', 'done'), actor('finance-reviewer'), false)).toEqual({ ok: true });
    expect(decidePublishEvaluation(evaluation('self-evaluation', 'submitted'), actor('finance-reviewer'), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decidePublishEvaluation(evaluation('self-evaluation', 'done'), actor('finance-reviewer'), true)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decidePublishEvaluation(evaluation('monitoring', 'done'), actor('finance-reviewer'), false)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});

describe('chinaTime', () => {
  it('writes an instant in Beijing time, across midnight and the year end', () => {
    expect(chinaTime('2024-12-31T16:30:00.000Z')).toBe('2025-01-01 00:30');
    expect(chinaTime('2024-07-31T06:05:59.999Z')).toBe('2024-07-31 14:05');
    expect(chinaTime(null)).toBe('');
    expect(chinaTime('不是时间')).toBe('不是时间');
  });
});
