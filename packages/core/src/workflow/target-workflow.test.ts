/**
 * The target workflow (R9) as a table: every action from every state by every role — exactly the listed ones pass,
 * every other combination is refused with a Chinese message naming the state and who may act.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import type { Refusal } from './refusal';
import {
  availableTargetActions,
  decideReviewChange,
  REVIEW_FINAL_STATUSES,
  decideTargetEdit,
  decideTargetTransition,
  initialTargetState,
  TARGET_ACTIONS,
  TARGET_REASON_REQUIRED_ACTIONS,
  TARGET_REVIEW_ACTIONS,
  type TargetAction,
  type TargetStatus,
  type TargetWorkflowState,
} from './target-workflow';

const DEPT = 7;
const ROLES: Role[] = ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'];
const STATUSES: TargetStatus[] = ['draft', 'submitted', 'in-review', 'returned', 'approved', 'rejected'];

function actor(role: Role, departmentId: number | null = role.startsWith('unit') ? DEPT : null): Actor {
  return { userId: 1, username: role, displayName: `${role}-name`, role, departmentId, assignedDepartmentIds: role === 'third-party-reviewer' ? [DEPT] : [] };
}

/** A state with a newer version than the one the status was set on (so a returned document counts as fixed). */
function state(status: TargetStatus, extra: Partial<TargetWorkflowState> = {}): TargetWorkflowState {
  return { ...initialTargetState(3, DEPT), status, statusVersion: 2, approvedVersion: status === 'approved' ? 2 : null, ...extra };
}

/** The refusal's message (fails the test when it was allowed). */
function refusal(got: { ok: true } | Refusal): Refusal {
  if (got.ok) throw new Error('expected a refusal');
  return got;
}

function passed<T extends { ok: true }>(got: T | Refusal): T {
  if (!got.ok) throw new Error(got.message);
  return got;
}

const CONCLUSION: Partial<Record<TargetAction, string>> = { return: '中', approve: '良', reject: '差' };

/** action → allowed from-states and roles (admin may do everything the table gives it). */
const ALLOWED: Record<TargetAction, { from: TargetStatus[]; roles: Role[]; to: TargetStatus }> = {
  submit: { from: ['draft', 'returned'], roles: ['unit-editor', 'unit-approver', 'admin'], to: 'submitted' },
  'send-back': { from: ['submitted'], roles: ['unit-approver', 'admin'], to: 'draft' },
  'approve-unit': { from: ['submitted'], roles: ['unit-approver', 'admin'], to: 'in-review' },
  return: { from: ['in-review'], roles: ['finance-reviewer', 'admin'], to: 'returned' },
  approve: { from: ['in-review'], roles: ['finance-reviewer', 'admin'], to: 'approved' },
  reject: { from: ['in-review'], roles: ['finance-reviewer', 'admin'], to: 'rejected' },
  'request-adjustment': { from: ['approved'], roles: ['unit-editor', 'unit-approver', 'admin'], to: 'draft' },
};

describe('decideTargetTransition: every action × state × role', () => {
  for (const action of TARGET_ACTIONS) {
    for (const status of STATUSES) {
      for (const role of ROLES) {
        const allowed = ALLOWED[action].from.includes(status) && ALLOWED[action].roles.includes(role);
        it(`${action} from ${status} by ${role}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const got = decideTargetTransition(state(status), { action, actor: actor(role), reason: '理由', conclusion: CONCLUSION[action] ?? null });
          const expected = allowed
            ? { ok: true, status: ALLOWED[action].to, record: { action, from: status, to: ALLOWED[action].to, version: 3 } }
            : { ok: false, code: ALLOWED[action].roles.includes(role) ? 'CONFLICT' : 'FORBIDDEN' };
          const seen = got.ok ? { ok: true, status: got.next.status, record: { action: got.record.action, from: got.record.from, to: got.record.to, version: got.record.version } } : { ok: false, code: got.code };
          expect(seen).toEqual(expected);
          // Every refusal says where the document stands, in Chinese, with nothing left blank.
          expect(got.ok ? '「草稿」' : got.message).toMatch(/「(草稿|已提交|审核中|退回|已批复|不予安排)」|部门/);
          expect(got.ok ? '' : got.message).not.toMatch(/undefined|null/);
        });
      }
    }
  }
});

describe('what the refusals say', () => {
  it('a wrong role is told its role, who may act and the current state', () => {
    const got = decideTargetTransition(state('submitted'), { action: 'approve-unit', actor: actor('unit-editor') });
    expect(refusal(got).code).toBe('FORBIDDEN');
    expect(refusal(got).message).toContain('您是单位填报人');
    expect(refusal(got).message).toContain('只有单位负责人或管理员可以');
    expect(refusal(got).message).toContain('「已提交」');
  });

  it('a wrong state names the state and the next step', () => {
    const got = decideTargetTransition(state('in-review'), { action: 'submit', actor: actor('unit-editor') });
    expect(refusal(got).message).toMatch(/当前为「审核中」.*财政审核人/);
  });

  it('another department is refused even with the right role', () => {
    const got = decideTargetTransition(state('draft'), { action: 'submit', actor: actor('unit-editor', 99) });
    expect(got).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const reviewer = { ...actor('third-party-reviewer'), assignedDepartmentIds: [99] };
    expect(decideTargetTransition(state('in-review'), { action: 'return', actor: reviewer, reason: 'x', conclusion: '中' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('reasons and conclusions (R9)', () => {
  const reviewer = actor('finance-reviewer');
  it.each(['return', 'reject', 'send-back', 'request-adjustment'] as const)('%s needs a reason', (action) => {
    const from: TargetStatus = action === 'send-back' ? 'submitted' : action === 'request-adjustment' ? 'approved' : 'in-review';
    const who = action === 'send-back' ? actor('unit-approver') : action === 'request-adjustment' ? actor('unit-editor') : reviewer;
    const got = decideTargetTransition(state(from), { action, actor: who, reason: '   ', conclusion: CONCLUSION[action] ?? null });
    expect(refusal(got).code).toBe('BAD_INPUT');
    expect(refusal(got).message).toContain('须写明理由');
  });

  // The lists the services and the pages read (`reasonRequired` on each button, the conclusion read for a review
  // action) are derived from the rules; here each is checked against what the transition itself does.
  it.each(TARGET_ACTIONS)('%s: refused without a reason exactly when TARGET_REASON_REQUIRED_ACTIONS names it', (action) => {
    const { from, roles } = ALLOWED[action];
    const got = decideTargetTransition(state(from[0]!), { action, actor: actor(roles[0]!), reason: ' ', conclusion: CONCLUSION[action] ?? null });
    expect(!got.ok && got.message.includes('须写明理由')).toBe(TARGET_REASON_REQUIRED_ACTIONS.includes(action));
  });

  it.each(TARGET_ACTIONS)('%s: refused without a conclusion exactly when TARGET_REVIEW_ACTIONS names it', (action) => {
    const { from, roles } = ALLOWED[action];
    const got = decideTargetTransition(state(from[0]!), { action, actor: actor(roles[0]!), reason: '理由', conclusion: null });
    expect(!got.ok && got.message.includes('须依据评审结论')).toBe(TARGET_REVIEW_ACTIONS.includes(action));
  });

  it('derives the reason-required and review actions from the rules', () => {
    expect(TARGET_REASON_REQUIRED_ACTIONS).toEqual(['send-back', 'return', 'reject', 'request-adjustment']);
    expect(TARGET_REVIEW_ACTIONS).toEqual(['return', 'approve', 'reject']);
  });

  it('the conclusion decides the outcome: 中 may not be approved, 良 may not be returned, 差 only rejected', () => {
    expect(decideTargetTransition(state('in-review'), { action: 'approve', actor: reviewer, conclusion: '中' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideTargetTransition(state('in-review'), { action: 'return', actor: reviewer, reason: 'x', conclusion: '良' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideTargetTransition(state('in-review'), { action: 'approve', actor: reviewer, conclusion: '差' })).toMatchObject({ ok: false });
    expect(decideTargetTransition(state('in-review'), { action: 'approve', actor: reviewer, conclusion: '优' })).toMatchObject({ ok: true });
    expect(decideTargetTransition(state('in-review'), { action: 'approve', actor: reviewer, conclusion: null })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('the buttons offered to a reviewer follow the conclusion', () => {
    expect(availableTargetActions(state('in-review'), reviewer, '中')).toEqual(['return']);
    expect(availableTargetActions(state('in-review'), reviewer, '良')).toEqual(['approve']);
    expect(availableTargetActions(state('in-review'), reviewer, '差')).toEqual(['reject']);
    expect(availableTargetActions(state('draft'), actor('unit-editor'), null)).toEqual(['submit']);
    expect(availableTargetActions(state('submitted'), actor('unit-approver'), null)).toEqual(['send-back', 'approve-unit']);
  });
});

describe('rounds, freezing and adjustments', () => {
  const editor = actor('unit-editor');
  const reviewer = actor('finance-reviewer');

  it('a returned document must be fixed (a new version) before it is resubmitted, as a new round', () => {
    const returned = state('returned', { statusVersion: 3, currentVersion: 3, round: 1 });
    expect(decideTargetTransition(returned, { action: 'submit', actor: editor })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const fixed = decideTargetTransition({ ...returned, currentVersion: 4 }, { action: 'submit', actor: editor });
    expect(passed(fixed).next).toMatchObject({ status: 'submitted', round: 2, statusVersion: 4 });
  });

  it('approval freezes the approved version; edits are refused until an adjustment is requested', () => {
    const approved = passed(decideTargetTransition(state('in-review'), { action: 'approve', actor: reviewer, conclusion: '良' }));
    expect(approved.next).toMatchObject({ status: 'approved', approvedVersion: 3, adjustment: false });
    const edit = decideTargetEdit(approved.next, editor);
    expect(refusal(edit).code).toBe('CONFLICT');
    expect(refusal(edit).message).toContain('申请调整');

    const adjusting = passed(decideTargetTransition(approved.next, { action: 'request-adjustment', actor: editor, reason: '项目内容调整' }));
    expect(adjusting.next).toMatchObject({ status: 'draft', adjustment: true, approvedVersion: 3, round: 2 });
    expect(decideTargetEdit(adjusting.next, editor)).toEqual({ ok: true });
    // Submitting the adjustment unchanged is refused; after an edit it goes through the same review.
    expect(decideTargetTransition(adjusting.next, { action: 'submit', actor: editor })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const submitted = passed(decideTargetTransition({ ...adjusting.next, currentVersion: 4 }, { action: 'submit', actor: editor }));
    expect(submitted.next).toMatchObject({ status: 'submitted', approvedVersion: 3, adjustment: true });
  });

  it('an approved adjustment becomes the approved version; a rejected one leaves the old one in force', () => {
    const inReview = state('in-review', { adjustment: true, approvedVersion: 3, currentVersion: 4, round: 2 });
    const approved = decideTargetTransition(inReview, { action: 'approve', actor: reviewer, conclusion: '优' });
    expect(passed(approved).next).toMatchObject({ approvedVersion: 4, adjustment: false });
    const rejected = decideTargetTransition(inReview, { action: 'reject', actor: reviewer, reason: '调整理由不足', conclusion: '差' });
    expect(passed(rejected).next).toMatchObject({ status: 'rejected', approvedVersion: 3 });
    expect(decideTargetTransition(passed(rejected).next, { action: 'request-adjustment', actor: editor, reason: '再次申请' }).ok).toBe(true);
  });

  it('a rejected first submission is final', () => {
    const got = decideTargetTransition(state('rejected'), { action: 'request-adjustment', actor: editor, reason: 'x' });
    expect(got).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideTargetEdit(state('rejected'), editor)).toMatchObject({ ok: false });
  });

  it('edits: only drafts and returned documents, only by the roles that may edit, in their department', () => {
    for (const status of STATUSES) expect(decideTargetEdit(state(status), editor).ok).toBe(status === 'draft' || status === 'returned');
    expect(decideTargetEdit(state('draft'), actor('finance-reviewer'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideTargetEdit(state('draft'), actor('unit-editor', 99))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('decideReviewChange', () => {
  it('keeps the review open until the targets are decided; approved and rejected reviews are final', () => {
    const open = STATUSES.filter((s) => decideReviewChange(state(s)).ok);
    expect(open).toEqual(['draft', 'submitted', 'in-review', 'returned']);
    const approved = decideReviewChange(state('approved', { approvedVersion: 2 }));
    expect(approved).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((approved as Refusal).message).toContain('已批复（第 2 版）');
    expect((approved as Refusal).message).toContain('申请调整');
  });
});

describe('REVIEW_FINAL_STATUSES', () => {
  it('names exactly the states whose review decideReviewChange refuses (the page hides its buttons by it)', () => {
    const refused = STATUSES.filter((s) => !decideReviewChange(state(s)).ok);
    expect(refused).toEqual([...REVIEW_FINAL_STATUSES]);
  });
});
