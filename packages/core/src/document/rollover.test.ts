/**
 * 结转 on the interchange format's own examples (fixtures/interchange): what carries over to next year and what is
 * cleared, both ways of amounts, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import departmentExample from '../../../../fixtures/interchange/spec-example-department.json' with { type: 'json' };
import selfEvaluationExample from '../../../../fixtures/interchange/spec-example-self-evaluation.json' with { type: 'json' };
import projectExample from '../../../../fixtures/interchange/spec-example.json' with { type: 'json' };
import type { PerformanceDocument } from './model';
import { countIndicators, listProjects } from './model';
import { ROLLOVER_LAYOUT, rolloverTargets } from './rollover';

/** A fresh copy of an example each time (a test may change it). */
const fixture = (example: unknown) => structuredClone(example) as PerformanceDocument;

function rolled(doc: PerformanceDocument, toYear: number, keepAmounts: boolean): PerformanceDocument {
  const out = rolloverTargets(doc, { toYear, keepAmounts });
  if (!out.ok) throw new Error(out.message);
  return out.document;
}

/** Every indicator as its levels, name, target and direction: what must carry over unchanged. */
const targets = (doc: PerformanceDocument) =>
  [...listProjects(doc).flatMap(({ project }) => project.indicators), ...(doc.indicators ?? []), ...(doc.keyTasks ?? []).flatMap((t) => t.indicators ?? [])].map((i) => [i.level1, i.level2, i.name, i.annualTarget?.text ?? null, i.direction]);

describe('rolloverTargets', () => {
  const project = fixture(projectExample);
  const department = fixture(departmentExample);

  it('project targets: next year, every project and indicator kept, amounts cleared, nothing of last year’s file', () => {
    const next = rolled(project, 2025, false);
    expect(next.year).toBe(2025);
    expect(targets(next)).toEqual(targets(project));
    expect(countIndicators(next)).toBe(countIndicators(project));
    expect(listProjects(next).map(({ project: p }) => p.name)).toEqual(listProjects(project).map(({ project: p }) => p.name));
    expect(listProjects(next).every(({ project: p }) => p.amount === null && p.funding.fiscal === null && p.funding.specialAccount === null && p.funding.other === null)).toBe(true);
    expect(next.units.every((u) => u.statedAmount === null)).toBe(true);
    expect(next.statedTotal).toBeNull();
    expect(next.problems).toEqual([]);
    expect(next.source?.layout).toBe(ROLLOVER_LAYOUT);
    // The original is untouched.
    expect(project.year).toBe(2024);
    expect(listProjects(project)[0]!.project.amount).toBe(16.56);
  });

  it('amounts kept when asked: the same figures as the starting point', () => {
    const next = rolled(project, 2025, true);
    expect(listProjects(next).map(({ project: p }) => [p.amount, p.funding.fiscal])).toEqual(listProjects(project).map(({ project: p }) => [p.amount, p.funding.fiscal]));
    expect(next.statedTotal).toBe(project.statedTotal);
  });

  it('department targets: key tasks and their indicators carry over, their funds cleared', () => {
    const next = rolled(department, 2025, false);
    expect(targets(next)).toEqual(targets(department));
    expect((next.keyTasks ?? []).map((t) => t.name)).toEqual((department.keyTasks ?? []).map((t) => t.name));
    expect((next.keyTasks ?? []).every((t) => t.funds === null)).toBe(true);
  });

  it('actuals, scores and completion notes belong to the year they were reported for', () => {
    const reported = structuredClone(project);
    const p = reported.units[0]!.projects[0]!;
    p.indicators[0] = { ...p.indicators[0]!, actual: { text: '98%', op: null, value: 98, unit: '%' }, tier: 'partly', score: 8, deviationReason: '补贴延迟发放' };
    Object.assign(p, { goalCompletion: '基本完成', statedScore: 92, statedGrade: '优' });
    const next = rolled(reported, 2025, true);
    const q = next.units[0]!.projects[0]!;
    expect(q.indicators[0]).not.toHaveProperty('actual');
    expect(q.indicators[0]).not.toHaveProperty('tier');
    expect(q.indicators[0]).not.toHaveProperty('score');
    expect(q.indicators[0]).not.toHaveProperty('deviationReason');
    expect(q).not.toHaveProperty('statedScore');
    expect(q).not.toHaveProperty('goalCompletion');
    expect(q.indicators[0]!.annualTarget).toEqual(p.indicators[0]!.annualTarget);
  });

  it('refuses self-evaluation documents, and a year that is not after the document’s', () => {
    const selfEvaluation = rolloverTargets(fixture(selfEvaluationExample), { toYear: 2025, keepAmounts: false });
    expect(selfEvaluation).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const back = rolloverTargets(project, { toYear: 2024, keepAmounts: false });
    expect(back.ok ? '' : back.message).toContain('只能结转到以后的年度（例如 2025）');
    expect(rolloverTargets(project, { toYear: 25, keepAmounts: false })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});
