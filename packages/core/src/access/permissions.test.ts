import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { ACTIONS, can, denial, inScope, visibleDepartments } from './permissions';

const JINHUA = 1;
const HUADI = 2;
const SHAJIAO = 3;

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  const unit = role === 'unit-editor' || role === 'unit-approver';
  return { userId: 1, username: role, displayName: role, role, departmentId: unit ? JINHUA : null, assignedDepartmentIds: [], ...extra };
}

describe('can', () => {
  it('lets a unit editor edit targets of their own 街道 only', () => {
    const editor = actor('unit-editor');
    expect(can(editor, 'target.edit', { departmentId: JINHUA })).toBe(true);
    expect(can(editor, 'target.edit', { departmentId: HUADI })).toBe(false);
    expect(can(editor, 'document.read', { departmentId: HUADI })).toBe(false);
    expect(can(editor, 'review.decide', { departmentId: JINHUA })).toBe(false);
    expect(can(editor, 'user.manage')).toBe(false);
  });

  it('lets a third-party reviewer review only the departments assigned to them', () => {
    const reviewer = actor('third-party-reviewer', { assignedDepartmentIds: [HUADI, SHAJIAO] });
    expect(can(reviewer, 'review.decide', { departmentId: HUADI })).toBe(true);
    expect(can(reviewer, 'review.decide', { departmentId: JINHUA })).toBe(false);
    expect(can(reviewer, 'target.edit', { departmentId: HUADI })).toBe(false);
    expect(visibleDepartments(reviewer)).toEqual([HUADI, SHAJIAO]);
  });

  it('gives the finance reviewer the whole district but not user management', () => {
    const finance = actor('finance-reviewer');
    expect(can(finance, 'review.decide', { departmentId: SHAJIAO })).toBe(true);
    expect(can(finance, 'workflow.review', { departmentId: null })).toBe(true);
    expect(can(finance, 'user.manage')).toBe(false);
    expect(can(finance, 'target.edit', { departmentId: JINHUA })).toBe(false);
  });

  it('lets an admin do everything everywhere', () => {
    const admin = actor('admin');
    for (const action of ACTIONS) expect(can(admin, action, { departmentId: HUADI })).toBe(true);
  });

  it('keeps district-wide objects (no department) from unit roles and unassigned reviewers', () => {
    expect(inScope(actor('unit-editor'), null)).toBe(false);
    expect(inScope(actor('third-party-reviewer', { assignedDepartmentIds: [HUADI] }), null)).toBe(false);
    expect(inScope(actor('finance-reviewer'), null)).toBe(true);
  });

  it('sees nothing when a unit role has lost its department', () => {
    expect(visibleDepartments(actor('unit-editor', { departmentId: null }))).toEqual([]);
  });
});

describe('denial', () => {
  it('says out-of-scope before role, so a foreign object is hidden rather than refused', () => {
    const editor = actor('unit-editor');
    expect(denial(editor, 'review.decide', { departmentId: HUADI })).toBe('out-of-scope');
    expect(denial(editor, 'review.decide', { departmentId: JINHUA })).toBe('role');
    expect(denial(editor, 'target.edit', { departmentId: JINHUA })).toBe(null);
  });
});
