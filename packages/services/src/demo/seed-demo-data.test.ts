import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../../core/src/testing/builders';
import type { DocumentStore, SaveImportInput } from '../ports';
import { seedDemoData } from './seed-demo-data';

/** An in-memory DocumentStore that records what it was asked to save. */
function fakeStore(existing = 0) {
  const saved: SaveImportInput[] = [];
  const documents: DocumentStore = {
    async saveImport(input) {
      saved.push(input);
      return { status: 'created', documentId: saved.length, version: 1, departmentId: 1, projectCount: 0, indicatorCount: 0 };
    },
    async listDocuments() {
      return Array.from({ length: existing + saved.length }, () => ({}) as never);
    },
    async getDocument() {
      throw new Error('not used');
    },
  };
  return { documents, saved };
}

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
    const store = fakeStore();
    const report = await seedDemoData(store, dir);
    expect(report.seeded).toBe(true);
    expect(report.imported.map((r) => r.fileName)).toEqual(['a-project-targets.json']);
    expect(report.skipped.map((s) => s.fileName)).toEqual(['b-empty.txt', 'c-no-year.json']);
    expect(report.skipped[0]!.reason).toContain('b-empty.txt');
    expect(store.saved[0]).toMatchObject({ year: 2024, fileName: 'a-project-targets.json' });
  });

  it('does nothing when the database already has documents', async () => {
    const store = fakeStore(1);
    expect(await seedDemoData(store, dir)).toEqual({ seeded: false, imported: [], skipped: [] });
    expect(store.saved).toHaveLength(0);
  });

  it('imports every real seed, giving seed 002 the year from demo-years.json', async () => {
    const seeds = fileURLToPath(new URL('../../../../fixtures/seeds', import.meta.url));
    const store = fakeStore();
    const report = await seedDemoData(store, seeds);
    expect(report.imported.map((r) => [r.fileName.slice(0, 3), r.year, r.kind])).toEqual([
      ['000', 2024, 'department-targets'],
      ['001', 2023, 'department-self-evaluation'],
      ['002', 2024, 'project-targets'],
      ['003', 2021, 'department-self-evaluation'],
      ['004', 2021, 'department-self-evaluation'],
    ]);
    expect(report.skipped).toEqual([]);
    expect(store.saved.find((s) => s.fileName.startsWith('002'))?.document.year).toBeNull();
  });
});
