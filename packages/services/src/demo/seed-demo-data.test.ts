import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { memoryStore } from '../testing/memory-store';
import { seedDemoData } from './seed-demo-data';

/** The memory store, with `count` documents already in it. */
async function storeWith(count = 0) {
  const store = memoryStore();
  for (let i = 0; i < count; i++) await store.documents.saveImport({ document: buildDocument({ projects: [buildProject({ name: `已有${i}` })] }), year: 2024, fileName: `old-${i}.json`, sha256: `old-${i}` });
  return store;
}

const savedVersions = (store: ReturnType<typeof memoryStore>) => store.state().documents.map((d) => ({ fileName: d.versions[0]!.fileName, year: d.year, document: d.versions[0]!.document }));

describe('seedDemoData', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-seeds-'));
    writeFileSync(join(dir, 'a-project-targets.json'), JSON.stringify(buildDocument({ projects: [buildProject({ name: '社区活动' })] })));
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-no-year.json'), JSON.stringify(buildDocument({ year: null })));
    writeFileSync(join(dir, 'README.md'), '# seeds');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the seeds the readers accept into an empty database and reports the ones skipped', async () => {
    const store = await storeWith();
    const report = await seedDemoData(store, dir);
    expect(report.seeded).toBe(true);
    expect(report.imported.map((r) => r.fileName)).toEqual(['a-project-targets.json']);
    expect(report.skipped.map((s) => s.fileName)).toEqual(['b-empty.txt', 'c-no-year.json']);
    expect(report.skipped[0]!.reason).toContain('b-empty.txt');
    expect(savedVersions(store)).toMatchObject([{ year: 2024, fileName: 'a-project-targets.json' }]);
    // Each import is a change of the system's, in the audit trail.
    expect(store.state().audit.map((a) => [a.action, a.actor.username])).toEqual([['document.import', 'system']]);
  });

  it('does nothing when the database already has documents', async () => {
    const store = await storeWith(1);
    expect(await seedDemoData(store, dir)).toEqual({ seeded: false, imported: [], skipped: [], lastYear: [] });
    expect(store.state().documents).toHaveLength(1);
  });

  it('imports every real seed, giving seed 002 the year from demo-years.json', async () => {
    const seeds = fileURLToPath(new URL('../../../../fixtures/seeds', import.meta.url));
    const store = await storeWith();
    const report = await seedDemoData(store, seeds);
    expect(report.imported.map((r) => [r.fileName.slice(0, 3), r.year, r.kind])).toEqual([
      ['000', 2024, 'department-targets'],
      ['001', 2023, 'department-self-evaluation'],
      ['002', 2024, 'project-targets'],
      ['003', 2021, 'department-self-evaluation'],
      ['004', 2021, 'department-self-evaluation'],
    ]);
    expect(report.skipped).toEqual([]);
    expect(savedVersions(store).find((s) => s.fileName.startsWith('002'))?.document.year).toBeNull();
    // Seed 002 again, as 金花街道's targets of the year before, under a name of its own (a document of its own).
    expect(report.lastYear.map((r) => [r.fileName, r.year, r.kind, r.department])).toEqual([['金花街道2023年度项目支出绩效目标表.txt', 2023, 'project-targets', '广州市荔湾区人民政府金花街道办事处']]);
    expect(new Set([...report.imported, ...report.lastYear].map((r) => r.documentId)).size).toBe(6);
    // Nothing is monitored before the targets are approved (seedDemoWorkflow).
    expect(store.state().evaluations).toEqual([]);
  });
});
