/**
 * 数据看板 over the memory store: a monitoring report's figures summed by department against 序时进度, its lights,
 * one review conclusion per target document, the unit roles kept to their department, another department refused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { SYSTEM_CHANGE } from '../access/audit';
import { importDocumentFile } from '../documents/import-document-file';
import { memoryStore } from '../testing/memory-store';
import { getDashboard } from './get-dashboard';

const seed = (name: string) => new TextEncoder().encode(readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url)), 'utf8'));
const finance: Actor = { userId: 1, username: 'wang', displayName: '王财政', role: 'finance-reviewer', departmentId: null, assignedDepartmentIds: [] };

async function demo() {
  const store = memoryStore();
  const jinhua = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '002.txt', bytes: seed('002_71a78aaa1661d207.pages-1-5.txt'), year: 2024 });
  const huadi = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '000.txt', bytes: seed('000_33f7e9c75c02529b.txt') });
  const { summary, document } = await store.documents.getDocument(jinhua.documentId);
  const first = document.units[0]!.projects[0]!;
  // Every project half spent by July, the first one not at all.
  const budget = Object.fromEntries(document.units.flatMap((u, i) => u.projects.map((p, j) => [`p-${i}-${j}`, { spent: i === 0 && j === 0 ? 0 : (p.amount ?? 0) / 2 }])));
  await store.evaluations.createEvaluation({ documentId: jinhua.documentId, targetVersion: summary.version, kind: 'monitoring', period: '2024-06', entries: {}, by: 'test' });
  await store.evaluations.createEvaluation({ documentId: jinhua.documentId, targetVersion: summary.version, kind: 'monitoring', period: '2024-07', entries: { budget }, by: 'test' });
  return { store, jinhua: summary.departmentId!, huadi: (await store.documents.getDocument(huadi.documentId)).summary.departmentId!, first, document };
}

describe('getDashboard', () => {
  it('sums the latest report (July) of each document against 序时进度, with its lights, and reviews every target document', async () => {
    const { store, jinhua, document } = await demo();
    const d = await getDashboard({ store }, finance, { year: 2024 });
    expect(d.execution).toHaveLength(1);
    const row = d.execution[0]!;
    expect(row).toMatchObject({ departmentId: jinhua, cutoffMonth: 7, timeProgress: 58.33, reports: 1 });
    const amounts = document.units.flatMap((u) => u.projects.map((p) => p.amount ?? 0));
    expect(row.executionRate).toBeLessThan(50);
    expect(row.executionRate).toBeGreaterThan(40);
    expect(row.budgetWan).toBeCloseTo(amounts.reduce((a, b) => a + b, 0), 4);
    expect(d.lights[0]!.red).toBeGreaterThanOrEqual(1);
    const conclusions = d.conclusions.rows.reduce((n, r) => n + r.优 + r.良 + r.中 + r.差, 0);
    expect(conclusions).toBe(d.conclusions.of);
    expect(d.checks[0]!.name).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('drills into one department by project, and keeps a unit to its own', async () => {
    const { store, jinhua, huadi, first } = await demo();
    const one = await getDashboard({ store }, finance, { year: 2024, departmentId: jinhua });
    expect(one.department?.id).toBe(jinhua);
    expect(one.execution.find((r) => r.label.endsWith(first.name))).toMatchObject({ executionRate: 0, light: 'red' });
    const editor: Actor = { ...finance, role: 'unit-editor', departmentId: huadi };
    const own = await getDashboard({ store }, editor, { year: 2024 });
    expect(own.execution).toEqual([]);
    expect(own.conclusions.rows.map((r) => r.departmentId)).toEqual([huadi]);
    await expect(getDashboard({ store }, editor, { departmentId: jinhua })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
