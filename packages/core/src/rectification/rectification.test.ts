import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor';
import { claimedEvidenceType, EVIDENCE_LIMITS } from './evidence';
import { checkRectificationDraft, type RectificationDraft } from './item';
import { isRectificationOverdue, rectificationDaysLeft } from './overdue';
import { rectificationTodo } from './todo';
import { availableRectificationActions, decideCreateRectification, decideRectificationTransition, type RectificationState } from './workflow';

const JINHUA = 1;
const HUADI = 2;
const actor = (role: Role, departmentId: number | null = role.startsWith('unit') ? JINHUA : null): Actor => ({ userId: 1, username: role, displayName: role, role, departmentId, assignedDepartmentIds: [] });
const state = (status: RectificationState['status'], extra: Partial<RectificationState> = {}): RectificationState => ({ status, departmentId: JINHUA, revision: 1, round: 0, ...extra });

const todoItem = (status: RectificationState['status']) => ({ ...state(status), deadline: '2025-06-30' });

// Seed 001: 「严肃认真抓好巡察反馈整改，目前，反馈的 19 个问题已完成整改 11 个」 — an outside inspection's item.
const draft: RectificationDraft = {
  departmentId: JINHUA,
  unitName: '广州市荔湾区金花街道办事处',
  responsiblePerson: '党建办 张某',
  problem: '巡察反馈：重复领取慰问金',
  basis: '区委第三巡察组反馈意见',
  measures: '追回重复领取的慰问金，建立发放台账',
  deadline: '2025-06-30',
  projectName: null,
  source: { kind: 'inspection', documentId: null, evaluationId: null, key: null, reference: '荔巡反〔2024〕3号' },
};

describe('a rectification item', () => {
  it('is created only with every field, a real future deadline, and an inspection reference', () => {
    expect(checkRectificationDraft(draft, '2025-01-10')).toEqual([]);
    const bad = checkRectificationDraft({ ...draft, measures: ' ', deadline: '2025-02-30', source: { ...draft.source, reference: '' } }, '2025-01-10');
    expect(bad.map((p) => p.field)).toEqual(['measures', 'deadline', 'source.reference']);
    expect(bad[1]!.message).toContain('2025-02-30');
    expect(checkRectificationDraft(draft, '2025-07-01')[0]!.message).toContain('已早于今天');
  });

  it('may be created by the finance reviewer only', () => {
    expect(decideCreateRectification(actor('finance-reviewer'), HUADI).ok).toBe(true);
    const refused = decideCreateRectification(actor('unit-editor'), JINHUA);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('财政审核人');
  });
});

describe('the rectification workflow', () => {
  it('goes 待下发 → 整改中 → 已反馈 → 已销号, each step by its role', () => {
    const finance = actor('finance-reviewer');
    const editor = actor('unit-editor');
    expect(availableRectificationActions(state('draft'), finance)).toEqual(['issue']);
    expect(availableRectificationActions(state('draft'), editor)).toEqual([]);
    expect(availableRectificationActions(state('issued'), editor)).toEqual(['feedback']);
    expect(availableRectificationActions(state('fed-back'), finance)).toEqual(['verify', 'return']);
    const fed = decideRectificationTransition(state('issued'), { action: 'feedback', actor: editor, text: '已追回 22,000 元' });
    expect(fed).toEqual({ ok: true, record: { action: 'feedback', from: 'issued', to: 'fed-back', text: '已追回 22,000 元', round: 1 } });
    expect(availableRectificationActions(state('verified'), finance)).toEqual([]);
  });

  it('returns with a reason to 退回整改, from where the unit feeds back again', () => {
    const finance = actor('finance-reviewer');
    const noReason = decideRectificationTransition(state('fed-back'), { action: 'return', actor: finance, text: ' ' });
    expect(noReason).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(decideRectificationTransition(state('fed-back', { round: 1 }), { action: 'return', actor: finance, text: '缺台账' })).toMatchObject({ ok: true, record: { to: 'returned', round: 1 } });
    expect(decideRectificationTransition(state('returned', { round: 1 }), { action: 'feedback', actor: actor('unit-editor'), text: '补台账' })).toMatchObject({ ok: true, record: { to: 'fed-back', round: 2 } });
  });

  it('refuses another department, the wrong role and the wrong state with what to do', () => {
    const other = decideRectificationTransition(state('issued'), { action: 'feedback', actor: actor('unit-editor', HUADI), text: 'x' });
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const role = decideRectificationTransition(state('fed-back'), { action: 'verify', actor: actor('unit-editor') });
    expect(role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const twice = decideRectificationTransition(state('verified'), { action: 'verify', actor: actor('finance-reviewer') });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!twice.ok && twice.message).toContain('已销号');
    const approver = decideRectificationTransition(state('issued'), { action: 'feedback', actor: actor('unit-approver'), text: 'x' });
    expect(!approver.ok && approver.message).toContain('单位填报人');
  });
});

describe('overdue and 待办', () => {
  it('counts Beijing days to the deadline while the unit owes the work', () => {
    const item = { status: 'issued' as const, deadline: '2025-06-30' };
    expect(rectificationDaysLeft(item, '2025-06-30')).toBe(0);
    expect(isRectificationOverdue(item, '2025-06-30')).toBe(false);
    expect(isRectificationOverdue(item, '2025-07-01')).toBe(true);
    expect(isRectificationOverdue({ ...item, status: 'fed-back' }, '2025-08-01')).toBe(false);
    expect(isRectificationOverdue({ ...item, status: 'returned' }, '2025-08-01')).toBe(true);
  });

  it('puts an item on the list of whoever moves it next, and an overdue one on the reviewer’s', () => {
    expect(rectificationTodo(todoItem('issued'), actor('unit-editor'), '2025-06-01')).toBe('rectification-to-feed-back');
    expect(rectificationTodo(todoItem('returned'), actor('unit-editor'), '2025-06-01')).toBe('rectification-returned');
    expect(rectificationTodo(todoItem('issued'), actor('unit-editor', HUADI), '2025-06-01')).toBeNull();
    expect(rectificationTodo(todoItem('issued'), actor('finance-reviewer'), '2025-06-01')).toBeNull();
    expect(rectificationTodo(todoItem('issued'), actor('finance-reviewer'), '2025-07-01')).toBe('rectification-overdue');
    expect(rectificationTodo(todoItem('fed-back'), actor('finance-reviewer'), '2025-07-01')).toBe('rectification-to-verify');
    expect(rectificationTodo(todoItem('draft'), actor('finance-reviewer'), '2025-07-01')).toBe('rectification-to-issue');
    expect(rectificationTodo(todoItem('verified'), actor('finance-reviewer'), '2025-07-01')).toBeNull();
  });
});

describe('evidence', () => {
  it('names the type an extension claims, any case, and nothing for others', () => {
    expect(claimedEvidenceType('整改台账.XLSX')).toBe('xlsx');
    expect(claimedEvidenceType('照片.jpg')).toBe('jpeg');
    expect(claimedEvidenceType('说明.txt')).toBeNull();
    expect(EVIDENCE_LIMITS.maxFileBytes).toBe(10 * 1024 * 1024);
  });
});
