/**
 * Monitoring and self-evaluation workflow, period locks and publication: every transition and every forbidden one.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import { availableEvaluationActions, decideEvaluationSave, EVALUATION_ACTIONS, EVALUATION_REASON_REQUIRED_ACTIONS, decideEvaluationTransition, type EvaluationAction, type EvaluationWorkflowState, type EvaluationWorkflowStatus } from './evaluation-workflow';
import { decidePeriodLock, findLock, type PeriodLock } from './period-lock';
import { decidePublishEvaluation, decidePublishTargets, decideWithdrawTargetsPublication } from './publication';
import { chinaTime } from './refusal';
import { initialTargetState } from './target-workflow';

const DEPT = 3;
const ROLES: Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];
const STATUSES: EvaluationWorkflowStatus[] = ['draft', 'submitted', 'in-review', 'returned', 'done'];
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

/**
 * Who may, from which states (the access table: monitoring is reviewed by finance only, self-evaluation also by third
 * parties, after the unit head's sign-off). Monitoring has no unit step: every role hears it has no such step.
 */
type Allowed = { from: EvaluationWorkflowStatus[]; to: EvaluationWorkflowStatus; roles: Role[] };
function allowed(kind: EvaluationWorkflowState['kind']): Record<EvaluationAction, Allowed> {
  const reviewers: Role[] = kind === 'monitoring' ? ['finance-reviewer', 'admin'] : ['finance-reviewer', 'third-party-reviewer', 'admin'];
  const reviewed: EvaluationWorkflowStatus = kind === 'monitoring' ? 'submitted' : 'in-review';
  const unit = (to: EvaluationWorkflowStatus): Allowed => (kind === 'monitoring' ? { from: [], to, roles: ROLES } : { from: ['submitted'], to, roles: ['unit-approver', 'admin'] });
  return {
    submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['unit-editor', 'unit-approver', 'admin'] },
    'approve-unit': unit('in-review'),
    'send-back': unit('returned'),
    accept: { from: [reviewed], to: 'done', roles: reviewers },
    return: { from: [reviewed], to: 'returned', roles: reviewers },
  };
}

describe('decideEvaluationTransition: every kind × action × state × role', () => {
  for (const kind of ['monitoring', 'self-evaluation'] as const) {
    for (const action of EVALUATION_ACTIONS) {
      for (const status of STATUSES) {
        for (const role of ROLES) {
          const rule = allowed(kind)[action];
          const ok = rule.from.includes(status) && rule.roles.includes(role);
          it(`${kind} ${action} from ${status} by ${role}: ${ok ? 'allowed' : 'refused'}`, () => {
            const got = decideEvaluationTransition(evaluation(kind, status), { action, actor: actor(role), reason: '理由' }, []);
            const expected = ok
              ? { ok: true, record: { action, from: status, to: rule.to, reason: '理由', conclusion: null, round: 1, version: 5 } }
              : { ok: false, code: rule.roles.includes(role) ? 'CONFLICT' : 'FORBIDDEN' };
            expect(got.ok ? got : { ok: false, code: got.code }).toEqual(expected);
          });
        }
      }
    }
  }

  it('a self-evaluation submitted waits for the unit head, who is told so; finance is told whose turn it is', () => {
    const submitted = evaluation('self-evaluation', 'submitted');
    const early = decideEvaluationTransition(submitted, { action: 'accept', actor: actor('finance-reviewer') }, []);
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('现在应由单位负责人审核通过（报送财政）或退回填报人') });
    expect(decideEvaluationTransition(evaluation('monitoring', 'submitted'), { action: 'approve-unit', actor: actor('unit-approver') }, [])).toMatchObject({ ok: false, message: expect.stringContaining('运行监控没有「单位审核通过，报送财政」这一步') });
  });

  it('return needs a reason; another department is refused', () => {
    expect(decideEvaluationTransition(evaluation('monitoring', 'submitted'), { action: 'return', actor: actor('finance-reviewer'), reason: ' ' }, [])).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(decideEvaluationTransition(evaluation('monitoring', 'draft'), { action: 'submit', actor: actor('unit-approver', 99) }, [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each(EVALUATION_ACTIONS)('%s: refused without a reason exactly when EVALUATION_REASON_REQUIRED_ACTIONS names it', (action) => {
    const { from, roles } = allowed('self-evaluation')[action];
    const got = decideEvaluationTransition(evaluation('self-evaluation', from[0]!), { action, actor: actor(roles[0]!), reason: ' ' }, []);
    expect(!got.ok && got.code === 'BAD_INPUT').toBe(EVALUATION_REASON_REQUIRED_ACTIONS.includes(action));
  });

  it('offers the buttons that would pass', () => {
    expect(availableEvaluationActions(evaluation('self-evaluation', 'submitted'), actor('finance-reviewer'), [])).toEqual([]);
    expect(availableEvaluationActions(evaluation('self-evaluation', 'submitted'), actor('unit-approver'), [])).toEqual(['approve-unit', 'send-back']);
    expect(availableEvaluationActions(evaluation('self-evaluation', 'in-review'), actor('finance-reviewer'), [])).toEqual(['accept', 'return']);
    expect(availableEvaluationActions(evaluation('monitoring', 'submitted'), actor('finance-reviewer'), [])).toEqual(['accept', 'return']);
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
