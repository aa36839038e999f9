import { NATIONAL_TARGET_REVIEW, ruleSetRef, runChecks, type PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import type { InterchangeDocument } from '../import';
import type { DocumentReviewDto, ReviewedFinding } from './api';
import { afterSave, applyEditing, browserRuleSet, changedKeys, groupsOf, indicatorEditOf, indicatorKey, marksOf, reviewEdited, savedMessage, saveRequestOf, withIndicatorAdded, withIndicatorMoved, withIndicatorRemoved, withReview, type ReviewEditorState } from './model';

const stored = buildDocument({ projects: [buildProject({ name: '社区居民活动' }), buildProject({ name: '长者饭堂' })] }) as InterchangeDocument;
const [first, second] = groupsOf(stored);
const firstIndicator = first!.indicators[0]!;

function finding(key: string, project: string, indicator: number | null, severity: 'error' | 'warning', status: ReviewedFinding['status']): ReviewedFinding {
  return { status, finding: { key, severity, location: { unit: '测试街道办事处', project, indicator } } } as unknown as ReviewedFinding;
}

describe('review model: the edited copy', () => {
  it('lays the indicator being typed over the document without touching the stored one', () => {
    const edited = applyEditing(stored, { kind: 'indicator', groupKey: first!.key, no: 1, value: { ...indicatorEditOf(firstIndicator), annual: '≥20次' } });
    expect(groupsOf(edited)[0]!.indicators[0]!.annualTarget?.text).toBe('≥20次');
    expect(groupsOf(stored)[0]!.indicators[0]!.annualTarget?.text).toBe('≥12次');
    expect(applyEditing(stored, undefined)).toBe(stored);
  });

  it('names exactly the indicators and goals that differ from the stored version', () => {
    const target = applyEditing(stored, { kind: 'indicator', groupKey: first!.key, no: 2, value: { ...indicatorEditOf(first!.indicators[1]!), annual: '≥95%' } });
    const both = applyEditing(target, { kind: 'goal', groupKey: second!.key, value: '保障辖区长者用餐。' });
    expect([...changedKeys(both, stored)].sort()).toEqual([indicatorKey(first!.key, 2), second!.key].sort());
  });

  it('counts an edit typed back to the stored text as no change (nothing to save)', () => {
    const changed = applyEditing(stored, { kind: 'indicator', groupKey: first!.key, no: 1, value: { ...indicatorEditOf(firstIndicator), annual: '≥20次' } });
    const back = applyEditing(changed, { kind: 'indicator', groupKey: first!.key, no: 1, value: indicatorEditOf(firstIndicator) });
    expect(back).not.toBe(stored);
    expect(changedKeys(back, stored).size).toBe(0);
  });

  it('a chosen 二级 brings its 一级 and both codes; a 二级 that is not the system’s changes nothing', () => {
    const outcome = applyEditing(stored, { kind: 'indicator', groupKey: first!.key, no: 1, value: { ...indicatorEditOf(firstIndicator), level2: '社会效益指标' } });
    expect(groupsOf(outcome)[0]!.indicators[0]).toMatchObject({ level1: '效益指标', level1Code: '2', level2: '社会效益指标', level2Code: '22' });
    expect([...changedKeys(outcome, stored)]).toEqual([indicatorKey(first!.key, 1)]);
    const unknown = applyEditing(stored, { kind: 'indicator', groupKey: first!.key, no: 1, value: { ...indicatorEditOf(firstIndicator), level2: '随便写的' } });
    expect(groupsOf(unknown)[0]!.indicators[0]!.level2).toBe(firstIndicator.level2);
  });

  it('adds an indicator after the group’s highest number and removes one; the others keep their numbers; both are changes', () => {
    const before = first!.indicators.map((i) => i.no);
    const added = withIndicatorAdded(stored, first!.key)!;
    expect(added.no).toBe(Math.max(...before) + 1);
    expect(groupsOf(added.doc)[0]!.indicators.map((i) => i.no)).toEqual([...before, added.no]);
    expect(groupsOf(added.doc)[0]!.indicators.at(-1)).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '', annualTarget: null });
    expect(changedKeys(added.doc, stored).has(indicatorKey(first!.key, added.no))).toBe(true);

    const removed = withIndicatorRemoved(stored, first!.key, before[0]!);
    expect(groupsOf(removed)[0]!.indicators.map((i) => i.no)).toEqual(before.slice(1));
    expect(changedKeys(removed, stored).size).toBe(1);
    expect(groupsOf(stored)[0]!.indicators.map((i) => i.no)).toEqual(before);
  });

  it('moves an indicator within its group (numbers kept); a new order is a change; the first cannot move up', () => {
    const before = first!.indicators.map((i) => i.no);
    const moved = withIndicatorMoved(stored, first!.key, before[0]!, 1);
    expect(groupsOf(moved)[0]!.indicators.map((i) => i.no)).toEqual([before[1], before[0], ...before.slice(2)]);
    expect([...changedKeys(moved, stored)]).toEqual([`${first!.key}:order`]);
    expect(withIndicatorMoved(stored, first!.key, before[0]!, -1)).toBe(stored);
    expect(changedKeys(withIndicatorMoved(moved, first!.key, before[0]!, -1), stored).size).toBe(0);
  });

  it('marks open findings per project and indicator, an error winning over warnings; dismissed ones are not counted', () => {
    const groups = groupsOf(stored);
    const marks = marksOf(
      [
        finding('a', '社区居民活动', 1, 'warning', 'open'),
        finding('b', '社区居民活动', 1, 'error', 'accepted'),
        finding('c', '社区居民活动', 2, 'error', 'dismissed'),
        finding('d', '长者饭堂', null, 'warning', 'open'),
      ],
      groups,
    );
    expect(marks.groups.get(first!.key)).toEqual({ count: 2, error: true });
    expect(marks.indicators.get(indicatorKey(first!.key, 1))).toEqual({ count: 2, error: true });
    expect(marks.indicators.has(indicatorKey(first!.key, 2))).toBe(false);
    expect(marks.groups.get(second!.key)).toEqual({ count: 1, error: false });
  });
});

describe('review model: what a save sends and what the page shows after', () => {
  const review = { document: { version: 3 }, review: { ruleSet: { ref: ruleSetRef(NATIONAL_TARGET_REVIEW) } }, findings: [], decisions: [] } as unknown as DocumentReviewDto;
  const state: ReviewEditorState = { review, document: stored };

  it('sends the whole edited document with the version the page showed', () => {
    const edited = applyEditing(stored, { kind: 'goal', groupKey: first!.key, value: '新的绩效目标' });
    expect(saveRequestOf(state, edited)).toEqual({ baseVersion: 3, document: edited });
  });

  it('keeps the document after a decision and takes the saved copy after a save', () => {
    const next = { ...review, document: { version: 4 } } as unknown as DocumentReviewDto;
    expect(withReview(state, next)).toEqual({ review: next, document: stored });
    const edited = applyEditing(stored, { kind: 'goal', groupKey: first!.key, value: '新的绩效目标' });
    expect(afterSave(next, edited).document).toBe(edited);
  });

  it('says whether the save made a new version', () => {
    expect(savedMessage(3, 4)).toBe('已保存为第 4 版');
    expect(savedMessage(3, 3)).toBe('内容与当前版本相同，未产生新版本');
  });
});

const decision = (id: number, type: 'accept' | 'dismiss' | 'add', findingKey: string | null) => ({ id, type, version: 1, findingKey, reason: type === 'accept' ? null : '已核实', conclusion: null, by: '审核人', at: '2024-05-01T00:00:00Z' });

describe('review model: the review the edited copy would get', () => {
  // A project with its annual target missing: the checks find it, and typing one makes that finding go away.
  const missing = buildDocument({ projects: [buildProject({ name: '社区居民活动', indicators: [{ name: '举办活动次数', annual: null }, { name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }] })] }) as InterchangeDocument;
  const ruleSet = browserRuleSet(ruleSetRef(NATIONAL_TARGET_REVIEW))!;
  const findings = runChecks(missing as PerformanceDocument, ruleSet);
  const [accepted, dismissed] = findings;
  const server = {
    document: { version: 1 },
    review: { ruleSet: { ref: ruleSetRef(NATIONAL_TARGET_REVIEW) }, conclusion: '中', override: null },
    findings: [],
    decisions: [decision(1, 'accept', accepted!.key), decision(2, 'dismiss', dismissed!.key), decision(3, 'add', 'manual:1')],
  } as unknown as DocumentReviewDto;

  it('knows the national rule set in the browser and no other', () => {
    expect(ruleSet).toBe(NATIONAL_TARGET_REVIEW);
    expect(browserRuleSet('gz-target-review@1')).toBeUndefined();
  });

  it('carries the accept and dismiss decisions over by finding key, not the added findings', () => {
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const edited = reviewEdited(missing, server, ruleSet);
    const status = new Map(edited.findings.map((f) => [f.finding.key, f.status]));
    expect(status.get(accepted!.key)).toBe('accepted');
    expect(status.get(dismissed!.key)).toBe('dismissed');
    expect(edited.findings.some((f) => f.status === 'added')).toBe(false);
  });

  it('drops the finding an edit fixes', () => {
    const group = groupsOf(missing)[0]!;
    const before = reviewEdited(missing, server, ruleSet).findings.filter((f) => f.finding.location.indicator === 1).map((f) => f.finding.check);
    const fixed = applyEditing(missing, { kind: 'indicator', groupKey: group.key, no: 1, value: { ...indicatorEditOf(group.indicators[0]!), annual: '≥12次' } });
    const after = reviewEdited(fixed, server, ruleSet).findings.filter((f) => f.finding.location.indicator === 1).map((f) => f.finding.check);
    expect(before.length).toBeGreaterThan(after.length);
  });
});
