import { describe, expect, it } from 'vitest';
import { editableReducer, initialEditable, type EditableEvent, type EditableState } from './editable-state';

type Copy = { text: string };
const run = (state: EditableState<Copy>, ...events: EditableEvent<Copy>[]) => events.reduce((s, e) => editableReducer(s, e), state);
const append = (more: string) => (d: Copy) => ({ text: d.text + more });

describe('editableReducer', () => {
  const start = initialEditable<Copy>('["monitoring",1]');

  it('starts with no copy, no conflict and nothing being sent', () => {
    expect(start).toEqual({ resource: '["monitoring",1]', draft: undefined, conflict: undefined, busy: null });
  });

  it('starts the copy from the server state on the first edit and builds on it afterwards', () => {
    const s = run(start, { type: 'edit', change: append('b'), base: { text: 'a' } }, { type: 'edit', change: append('c'), base: { text: 'SERVER' } });
    expect(s.draft).toEqual({ text: 'abc' });
  });

  it('drops the copy on discard and on a settled answer, keeps it when the answer does not hold the edits', () => {
    const edited = run(start, { type: 'edit', change: append('!'), base: { text: 'x' } });
    expect(run(edited, { type: 'discard' }).draft).toBeUndefined();
    expect(run(edited, { type: 'send', what: 'save' }, { type: 'answered', settled: true }).draft).toBeUndefined();
    expect(run(edited, { type: 'send', what: 'decide' }, { type: 'answered', settled: false }).draft).toEqual({ text: 'x!' });
  });

  it('tracks what is being sent until the server answers, refuses or fails', () => {
    const sending = run(start, { type: 'send', what: 'submit' });
    expect(sending.busy).toBe('submit');
    expect(run(sending, { type: 'answered', settled: true }).busy).toBeNull();
    expect(run(sending, { type: 'failed' }).busy).toBeNull();
    expect(run(sending, { type: 'conflict', message: 'x' }).busy).toBeNull();
  });

  it('keeps the edits on a stale save, until 重新载入 drops both', () => {
    const stale = run(start, { type: 'edit', change: append('1'), base: { text: '' } }, { type: 'send', what: 'save' }, { type: 'conflict', message: '张三 已于 10:02 保存了第 4 版' });
    expect(stale.conflict).toBe('张三 已于 10:02 保存了第 4 版');
    expect(stale.draft).toEqual({ text: '1' });
    // A failed attempt at something else does not hide the warning.
    expect(run(stale, { type: 'send', what: 'submit' }, { type: 'failed' }).conflict).toBe('张三 已于 10:02 保存了第 4 版');
    expect(run(stale, { type: 'send', what: 'decide' }, { type: 'answered', settled: false }).conflict).toBe('张三 已于 10:02 保存了第 4 版');
    const reloaded = run(stale, { type: 'reload' });
    expect(reloaded.conflict).toBeUndefined();
    expect(reloaded.draft).toBeUndefined();
  });

  it('forgets everything of the previous resource when another one is opened, and nothing when the same one is', () => {
    const edited = run(start, { type: 'edit', change: append('!'), base: { text: 'x' } }, { type: 'conflict', message: 'stale' });
    expect(run(edited, { type: 'open', resource: '["monitoring",1]' })).toBe(edited);
    expect(run(edited, { type: 'open', resource: '["monitoring",2]' })).toEqual(initialEditable('["monitoring",2]'));
  });
});
