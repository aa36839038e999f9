/**
 * Results use (R11) on the memory store with seed 002 (金花街道 2024): a self-evaluation graded 中 gives the rule's
 * suggestion with its reasons; the finance reviewer confirms and later adjusts it with a reason (both kept, audited);
 * other roles and a missing reason are refused and change nothing; an open rectification item reduces; the table
 * is a workbook; next year's draft (结转) finds last year's result and decision beside each project; and a district's
 * own activated rule set is the one that suggests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { budgetSlots, indicatorSlots, type Actor, type SelfEvaluationEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { ChangeContext } from '../access/audit';
import { importDocumentFile } from '../documents/import-document-file';
import { rollOverTargets } from '../documents/roll-over-targets';
import { setConclusion } from '../review/set-conclusion';
import { activateRuleSet, createRuleSetVersion } from '../rule-sets/rule-sets';
import { keepSelfEvaluationScore } from '../self-evaluation/keep-self-evaluation-score';
import { saveSelfEvaluationEntries } from '../self-evaluation/save-self-evaluation';
import { startSelfEvaluation } from '../self-evaluation/start-self-evaluation';
import { memoryStore } from '../testing/memory-store';
import { transitionTarget } from '../workflow/target-workflow';
import { createRectification } from '../rectification/change-rectification';
import { decideResultsUse } from './decide-results-use';
import { lastYearResults } from './last-year-results';
import { listResultsUse, renderResultsUseWorkbook } from './list-results-use';

const SEED_002 = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url))));

const person = (role: Actor['role'], departmentId: number | null, name: string): ChangeContext & { actor: Actor } => ({ actor: { userId: name.length, username: name, displayName: name, role, departmentId, assignedDepartmentIds: [] }, requestId: `req-${name}` });

/** 金花街道's 2024 targets approved (conclusion 良), self-evaluated with the first project half met and half spent. */
async function evaluated() {
  const store = memoryStore();
  const imported = await importDocumentFile({ store }, { actor: null, operator: 'test' }, { fileName: '002.txt', bytes: SEED_002, year: 2024 });
  const { documentId } = imported;
  const departmentId = imported.departmentId!;
  const editor = person('unit-editor', departmentId, '金花填报');
  const approver = person('unit-approver', departmentId, '金花负责');
  const reviewer = person('finance-reviewer', null, '财政审核');
  await transitionTarget({ store }, editor, { documentId, action: 'submit' });
  await transitionTarget({ store }, approver, { documentId, action: 'approve-unit' });
  await setConclusion({ store }, reviewer, { documentId, conclusion: '良', reason: '目标基本完整' });
  await transitionTarget({ store }, reviewer, { documentId, action: 'approve' });
  const started = await startSelfEvaluation({ store }, editor, { documentId, year: 2024 });
  const entries: SelfEvaluationEntries = {
    indicators: Object.fromEntries(indicatorSlots(started.target).map((s) => [s.key, { tier: s.budgetKey === 'u0.p0' ? ('partly' as const) : ('achieved' as const) }])),
    budgets: Object.fromEntries(budgetSlots(started.target).map((s) => [s.key, { adjusted: s.planned ?? 100, spent: s.key === 'u0.p0' ? (s.planned ?? 100) * 0.5 : (s.planned ?? 100) }])),
  };
  const saved = await saveSelfEvaluationEntries({ store }, editor, { id: started.id, baseRevision: started.revision, entries });
  await keepSelfEvaluationScore({ store }, editor, { id: saved.id });
  return { store, documentId, departmentId, editor, reviewer };
}

describe('results use (R11)', () => {
  it('suggests by the rule from the self-evaluation grade and the review conclusion, saying which rule and why', async () => {
    const { store } = await evaluated();
    const table = await listResultsUse({ store }, { year: 2024 });
    expect(table.ruleSet.ref).toBe('cn-results-use@1');
    const first = table.items[0]!;
    expect(first).toMatchObject({ projectKey: 'u0.p0', reviewConclusion: '良', selfEvaluation: { grade: '中' }, state: 'suggested', stateLabel: '建议', decision: null });
    expect(first.suggestion).toMatchObject({ suggestion: 'improve', label: '改进，可适当压减', rule: 'cn-results-use@1' });
    expect(first.suggestion.reasons).toEqual([
      '绩效自评等级为「中」：按规则，「中」建议「改进，可适当压减」。',
      '绩效目标审核结论为「良」：按规则，「良」建议「保持」。',
      '各项结果的建议不同，取其中最严格的「改进，可适当压减」。',
    ]);
    expect(first.suggestion.ruleTitle).toMatch(/中发〔2018〕34号/);
    // Every project of the document has a row, with its budget in 万元.
    expect(table.items.length).toBeGreaterThan(5);
    expect(table.items.every((r) => r.budgetWan === null || r.budgetWan > 0)).toBe(true);
    expect(table.items.slice(1).every((r) => r.suggestion.suggestion === 'keep' || r.suggestion.suggestion === 'support')).toBe(true);
  });

  it('the finance reviewer confirms, then adjusts, each with a reason: kept append-only and audited', async () => {
    const { store, documentId, reviewer } = await evaluated();
    const confirmed = await decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u0.p0', kind: 'confirm', reason: '自评等级属实，按建议压减' });
    expect(confirmed).toMatchObject({ state: 'confirmed', stateLabel: '已确认', decision: { kind: 'confirm', suggestion: 'improve', label: '改进，可适当压减', reason: '自评等级属实，按建议压减', by: '财政审核', ruleSet: 'cn-results-use@1' } });
    const adjusted = await decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u0.p0', kind: 'adjust', suggestion: 'reduce', reason: '执行率仅 50%' });
    expect(adjusted).toMatchObject({ state: 'adjusted', decision: { label: '压减', computedLabel: '改进，可适当压减' } });
    expect(adjusted.history.map((h) => h.kind)).toEqual(['confirm', 'adjust']);
    expect(store.state().audit.filter((a) => a.objectType === 'results-use').map((a) => [a.action, a.objectId, a.actor.username])).toEqual([
      ['results-use.confirm', `${documentId}/u0.p0`, '财政审核'],
      ['results-use.adjust', `${documentId}/u0.p0`, '财政审核'],
    ]);
    expect(store.state().resultsUse[0]!.basis).toMatchObject({ selfEvaluation: { grade: '中' }, reviewConclusion: '良', suggestion: 'improve' });
  });

  it('refuses the unit, a missing reason and an unknown project, storing nothing', async () => {
    const { store, documentId, editor, reviewer } = await evaluated();
    await expect(decideResultsUse({ store }, editor, { documentId, projectKey: 'u0.p0', kind: 'confirm', reason: '同意' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u0.p0', kind: 'confirm', reason: ' ' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/确认理由/) });
    await expect(decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u9.p9', kind: 'confirm', reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.state().resultsUse).toEqual([]);
    expect(store.state().audit.filter((a) => a.objectType === 'results-use')).toEqual([]);
  });

  it('reduces while a rectification item of the project is open, and no longer once it is verified', async () => {
    const { store, departmentId, reviewer } = await evaluated();
    const project = (await listResultsUse({ store }, { year: 2024 })).items.find((r) => r.projectKey === 'u0.p1')!.project;
    const now = new Date('2025-03-01T02:00:00Z');
    const item = await createRectification(
      { store },
      reviewer,
      { departmentId, unitName: '金花街道', responsiblePerson: '李主任', problem: '绩效指标未细化', basis: '区财政局绩效评价报告', measures: '细化产出和效益指标', deadline: '2025-06-30', projectName: project, sourceKind: 'inspection', sourceReference: '荔财绩〔2025〕3号', issue: true },
      now,
    );
    const row = (await listResultsUse({ store }, { year: 2024 })).items.find((r) => r.projectKey === 'u0.p1')!;
    expect(row).toMatchObject({ openRectifications: 1, suggestion: { label: '压减' } });
    expect(row.suggestion.reasons).toContain('有 1 项整改尚未完成（「绩效指标未细化」）：按规则，整改到位前建议「压减」。');
    // Another project of the unit is not touched by it.
    expect((await listResultsUse({ store }, { year: 2024 })).items.find((r) => r.projectKey === 'u0.p2')).toMatchObject({ openRectifications: 0 });
    expect(item.status).toBe('issued');
  });

  it('writes the table as a workbook and shows last year beside each project of next year’s draft', async () => {
    const { store, documentId, editor, reviewer } = await evaluated();
    await decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u0.p0', kind: 'confirm', reason: '按建议' });
    const file = await renderResultsUseWorkbook({ store }, { year: 2024 });
    expect(file.fileName).toBe('2024年度绩效结果应用情况表（全区）.xlsx');
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

    const next = await rollOverTargets({ store }, editor, { documentId, keepAmounts: false });
    const beside = await lastYearResults({ store }, { documentId: next.documentId });
    expect(beside.year).toBe(2024);
    expect(beside.items[0]).toMatchObject({ projectKey: 'u0.p0', lastYear: { documentId, projectKey: 'u0.p0', selfEvaluation: { grade: '中' }, state: 'confirmed', decision: { label: '改进，可适当压减', reason: '按建议' } } });
    expect(beside.items.every((i) => i.lastYear?.project === i.project)).toBe(true);
  });
});

describe('a district’s own results-use rule set', () => {
  it('is used once activated for the region and year: its suggestion and its id@version', async () => {
    const { store, documentId, reviewer } = await evaluated();
    const operator = { actor: null, operator: 'admin' };
    // 荔湾区 chooses 压减 for 中 (a row of data, no code).
    const copy = await createRuleSetVersion({ store }, operator, { from: 'cn-results-use@1', id: 'liwan-results-use', region: '广州市荔湾区', changes: { byGrade: [{ grade: '优', suggestion: 'support' }, { grade: '良', suggestion: 'keep' }, { grade: '中', suggestion: 'reduce' }, { grade: '差', suggestion: 'reduce-or-cancel' }] } });
    await activateRuleSet({ store }, operator, { ruleSet: copy.ref, region: '广州市荔湾区', year: 2024 });
    const row = (await listResultsUse({ store }, { year: 2024 })).items[0]!;
    expect(row.suggestion).toMatchObject({ rule: 'liwan-results-use@1', label: '压减' });
    const decided = await decideResultsUse({ store }, reviewer, { documentId, projectKey: 'u0.p0', kind: 'confirm', reason: '按区规则' });
    expect(decided.decision).toMatchObject({ ruleSet: 'liwan-results-use@1', label: '压减' });
  });
});
