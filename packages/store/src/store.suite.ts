/**
 * The store suite, written once and run on both backends: store.pglite.test.ts (unit project, PGlite in a temp
 * dir) and store.pg.test.ts (postgres project, a real PostgreSQL server). `open` gives a fresh, empty, migrated
 * store; the suite shares it between its tests, so every test compares before/after rather than absolute counts.
 */
import { listProjects, sumAmounts, type PerformanceDocument } from '@jixiao/core';
import { exportDocument, getDepartment, getProject, importDocumentFile, listDepartments, listUnits, prepareImport, searchIndicators, searchProjects, SYSTEM_CHANGE } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { largeDocument, rejection, sampleDocument, useSuiteStore, type StoreHandle } from './testing';

const TABLES = ['departments', 'units', 'years', 'documents', 'document_versions', 'projects', 'key_tasks', 'indicators'] as const;

export async function rowCounts(store: OpenedStore): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(store.db, sql.raw(`select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`));
  return row ?? {};
}

const bytesOf = (doc: PerformanceDocument) => new TextEncoder().encode(JSON.stringify(doc));

async function importJson(store: OpenedStore, doc: PerformanceDocument, fileName: string, year?: number) {
  return importDocumentFile({ store }, SYSTEM_CHANGE, { fileName, bytes: bytesOf(doc), ...(year === undefined ? {} : { year }) });
}

export function storeSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`store on ${backend}`, () => {
    let store: OpenedStore;

    useSuiteStore(
      async () => {
        const t = performance.now();
        const handle = await open();
        console.log(`[${backend}] open a fresh store: ${Math.round(performance.now() - t)} ms`);
        return handle;
      },
      (opened) => {
        store = opened;
      },
    );

    it('imports a document and exports the same document back (deep equal)', async () => {
      const doc = sampleDocument();
      const prepared = await prepareImport({ fileName: 'huadi-2024.json', bytes: bytesOf(doc) });
      const outcome = await importJson(store, doc, 'huadi-2024.json');
      expect(outcome).toMatchObject({ status: 'created', version: 1, projectCount: 4, indicatorCount: 3 * 3 + 1 + 2 + 1, year: 2024 });
      const exported = await exportDocument({ store }, { documentId: outcome.documentId });
      expect(exported).toEqual(prepared.document);
      const { source: _source, ...withoutSource } = exported;
      const { source: _s2, ...original } = doc;
      expect(withoutSource).toEqual(original);
      expect(JSON.stringify(exported)).toBe(JSON.stringify(prepared.document));
    });

    it('the same file twice: unchanged, and nothing written', async () => {
      const doc = sampleDocument({ department: '金花街道办事处', units: [] });
      doc.units = [{ name: '金花街道办事处', code: null, statedAmount: null, projects: sampleDocument().units[0]!.projects }];
      const first = await importJson(store, doc, 'jinhua.json');
      expect(first.status).toBe('created');
      const before = await rowCounts(store);
      const second = await importJson(store, doc, 'jinhua.json');
      expect(second).toMatchObject({ status: 'unchanged', documentId: first.documentId, version: 1, projectCount: first.projectCount, indicatorCount: first.indicatorCount });
      expect(await rowCounts(store)).toEqual(before);
    });

    it('a changed file becomes version 2; version 1 is kept and still exported; the catalog shows version 2 only', async () => {
      const v1 = sampleDocument({ department: '多宝街道办事处', units: [] });
      v1.units = [{ name: '多宝街道办事处', code: null, statedAmount: null, projects: sampleDocument().units[0]!.projects }];
      const first = await importJson(store, v1, 'duobao-targets.json');
      const v2: PerformanceDocument = structuredClone(v1);
      v2.units[0]!.projects[0]!.name = '多宝新项目';
      v2.units[0]!.projects.pop();
      const second = await importJson(store, v2, 'duobao-targets.json');
      expect(second).toMatchObject({ status: 'new-version', documentId: first.documentId, version: 2, projectCount: 2 });

      const oldExport = await exportDocument({ store }, { documentId: first.documentId, version: 1 });
      expect(oldExport.units[0]!.projects.map((p) => p.name)).toEqual(v1.units[0]!.projects.map((p) => p.name));
      const current = await exportDocument({ store }, { documentId: first.documentId });
      expect(current.units[0]!.projects.map((p) => p.name)).toEqual(['多宝新项目', '党建活动经费']);

      const [summary] = (await store.documents.listDocuments({ departmentId: first.departmentId! })).filter((d) => d.id === first.documentId);
      expect(summary).toMatchObject({ version: 2, versionCount: 2, projectCount: 2, fileName: 'duobao-targets.json' });
      const projects = await searchProjects({ store }, { departmentId: first.departmentId!, limit: 50, offset: 0 });
      expect(projects.total).toBe(2);
      expect(projects.items.map((p) => p.name)).toEqual(['多宝新项目', '党建活动经费']);
      expect((await searchProjects({ store }, { search: '病媒生物', departmentId: first.departmentId!, limit: 50, offset: 0 })).total).toBe(0);
      const dept = await getDepartment({ store }, first.departmentId!);
      expect(dept.projectCount).toBe(2);

      const missing = await rejection(exportDocument({ store }, { documentId: first.documentId, version: 3 }));
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('an import that fails half-way leaves nothing behind, and the store keeps working', async () => {
      const before = await rowCounts(store);
      const bad = sampleDocument({ department: '白云湖街道办事处', units: [] });
      // The last table written (indicators) refuses this row: `no` does not fit an integer column.
      bad.units = [{ name: '白云湖街道办事处', code: null, statedAmount: null, projects: [{ ...sampleDocument().units[0]!.projects[0]!, indicators: [{ ...sampleDocument().units[0]!.projects[0]!.indicators[0]!, no: 2 ** 31 }] }] }];
      await expect(store.documents.saveImport({ document: bad, year: 2021, fileName: 'baiyunhu.json', sha256: 'x1' })).rejects.toThrow(/out of range/);
      expect(await rowCounts(store)).toEqual(before);
      expect((await listDepartments({ store }, { search: '白云湖' })).length).toBe(0);

      // A failed new version of an existing document leaves version 1 current.
      const good = structuredClone(bad);
      good.units[0]!.projects[0]!.indicators[0]!.no = 1;
      const created = await store.documents.saveImport({ document: good, year: 2021, fileName: 'baiyunhu.json', sha256: 'x2' });
      expect(created.status).toBe('created');
      const afterGood = await rowCounts(store);
      await expect(store.documents.saveImport({ document: bad, year: 2021, fileName: 'baiyunhu.json', sha256: 'x3' })).rejects.toThrow(/out of range/);
      expect(await rowCounts(store)).toEqual(afterGood);
      const { summary } = await store.documents.getDocument(created.documentId);
      expect(summary).toMatchObject({ version: 1, versionCount: 1, sha256: 'x2' });
    });

    it('refuses unreadable input and wrong years before writing anything', async () => {
      const before = await rowCounts(store);
      const empty = await rejection(importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: 'empty.txt', bytes: new Uint8Array() }));
      expect(empty.code).toBe('BAD_INPUT');
      const binary = await rejection(importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: 'x.txt', bytes: new Uint8Array([0, 1, 2, 0, 255, 0, 7, 8]) }));
      expect(binary.code).toBe('BAD_INPUT');
      const mismatch = await rejection(importJson(store, sampleDocument(), 'y.json', 2023));
      expect(mismatch.code).toBe('YEAR_MISMATCH');
      const required = await rejection(importJson(store, sampleDocument({ year: null, department: '无年度街道' }), 'z.json'));
      expect(required.code).toBe('YEAR_REQUIRED');
      expect(await rowCounts(store)).toEqual(before);
      const withYear = await importJson(store, sampleDocument({ year: null, department: '无年度街道' }), 'z.json', 2025);
      expect(withYear).toMatchObject({ status: 'created', year: 2025 });
      expect((await store.documents.getDocument(withYear.documentId)).summary.year).toBe(2025);
    });

    it('catalog: departments, units, projects and indicators with search, filters and paging', async () => {
      const depts = await listDepartments({ store }, { search: '花地' });
      expect(depts.map((d) => d.name)).toEqual(['广州市荔湾区人民政府花地街道办事处']);
      const huadi = depts[0]!;
      expect(huadi).toMatchObject({ unitCount: 2, projectCount: 4, indicatorCount: 13, amountUnit: '万元', years: [2024] });
      expect(await getDepartment({ store }, huadi.id)).toEqual(huadi);
      expect((await listDepartments({ store }, { year: 2024 })).some((d) => d.id === huadi.id)).toBe(true);
      expect((await listDepartments({ store }, { year: 2019 })).some((d) => d.id === huadi.id)).toBe(false);
      expect((await rejection(getDepartment({ store }, 999_999))).code).toBe('NOT_FOUND');
      // The names alone (the upload's department check, the demo accounts): the same departments, in the same order.
      const all = await listDepartments({ store }, {});
      expect(await store.catalog.listDepartmentNames()).toEqual(all.map((d) => ({ id: d.id, name: d.name })));
      expect(await store.catalog.listDepartmentNames({ inDepartments: [huadi.id] })).toEqual([{ id: huadi.id, name: huadi.name }]);
      expect(await store.catalog.listDepartmentNames({ inDepartments: [] })).toEqual([]);

      const units = await listUnits({ store }, { departmentId: huadi.id });
      expect(units.map((u) => [u.name, u.code, u.projectCount])).toEqual([
        ['广州市荔湾区人民政府花地街道办事处', '064001', 3],
        ['花地街道退役军人服务站', '064005', 1],
      ]);
      expect(units[1]!.totalAmount).toBeNull();
      expect((await listUnits({ store }, { departmentId: huadi.id, search: '064005' })).map((u) => u.name)).toEqual(['花地街道退役军人服务站']);

      const page1 = await searchProjects({ store }, { departmentId: huadi.id, limit: 2, offset: 0 });
      const page2 = await searchProjects({ store }, { departmentId: huadi.id, limit: 2, offset: 2 });
      expect(page1.total).toBe(4);
      expect(page2.total).toBe(4);
      expect([...page1.items, ...page2.items].map((p) => p.name)).toEqual(['街消毒站病媒生物防治专职人员补贴', '党建活动经费', '社区服务 100%_覆盖', '退役军人走访慰问']);
      expect(page1.items[1]).toMatchObject({ code: 'P-2024-002', category: '32-其他事业发展性支出', amount: 0.1, amountUnit: '万元', year: 2024, no: 2, indicatorCount: 3 });
      // ILIKE search; % and _ in the search text are literal.
      expect((await searchProjects({ store }, { search: '病媒', limit: 50, offset: 0 })).items.map((p) => p.name)).toContain('街消毒站病媒生物防治专职人员补贴');
      expect((await searchProjects({ store }, { search: '100%_', departmentId: huadi.id, limit: 50, offset: 0 })).total).toBe(1);
      expect((await searchProjects({ store }, { search: '0%0', departmentId: huadi.id, limit: 50, offset: 0 })).total).toBe(0);
      expect((await searchProjects({ store }, { search: 'p-2024', limit: 50, offset: 0 })).total).toBeGreaterThanOrEqual(1);
      expect((await searchProjects({ store }, { unitId: units[1]!.id, limit: 50, offset: 0 })).items.map((p) => p.name)).toEqual(['退役军人走访慰问']);

      const detail = await getProject({ store }, page1.items[0]!.id);
      expect(detail.indicators.map((i) => i.name)).toEqual(['举办活动次数', '活动覆盖率', '居民满意度']);
      expect(detail.indicators[0]).toMatchObject({ no: 1, level1: '产出指标', level1Code: '1', level2: '数量指标', level2Code: '11', direction: 'higher' });
      expect(detail.indicators[0]!.annualTarget).toEqual({ text: '≥12次', op: '>=', value: 12, unit: '次', kind: 'quantitative' });

      const byProject = await searchIndicators({ store }, { projectId: detail.id, limit: 50, offset: 0 });
      expect(byProject.total).toBe(3);
      const searched = await searchIndicators({ store }, { search: '重点工作', departmentId: huadi.id, limit: 50, offset: 0 });
      expect(searched.items).toHaveLength(1);
      expect(searched.items[0]).toMatchObject({ projectId: null, explanation: '完成的重点工作/计划的重点工作', formula: '完成数÷计划数×100%' });
      expect((await searchIndicators({ store }, { departmentId: huadi.id, limit: 5, offset: 10 })).items).toHaveLength(3);
    });

    it('money totals are exact (summed in SQL numeric, not in floats)', async () => {
      const huadi = (await listDepartments({ store }, { search: '花地' }))[0]!;
      // 16.56 + 0.1 + 0.2 = 16.86 exactly (in floats 0.1 + 0.2 is 0.30000000000000004).
      expect(huadi.totalAmount).toBe(16.86);
      const units = await listUnits({ store }, { departmentId: huadi.id });
      expect(units[0]!.totalAmount).toBe(16.86);

      const cents = sampleDocument({ department: '分厘测试街道', units: [] });
      const amounts = Array.from({ length: 300 }, (_, k) => (k % 7) / 10 + (k % 3) / 100 + 0.01);
      cents.units = [{ name: '分厘测试街道', code: null, statedAmount: null, projects: amounts.map((amount, k) => ({ ...sampleDocument().units[0]!.projects[0]!, name: `项目${k}`, amount, indicators: [] })) }];
      const yuan = sampleDocument({ department: '分厘测试街道', amountUnit: '元', units: [] });
      yuan.units = [{ name: '分厘测试街道', code: null, statedAmount: null, projects: [{ ...sampleDocument().units[0]!.projects[0]!, name: '元项目', amount: 12345.67, indicators: [] }] }];
      await importJson(store, cents, 'cents.json');
      const dept = (await listDepartments({ store }, { search: '分厘' }))[0]!;
      expect(dept.totalAmount).toBe(sumAmounts(amounts, '万元'));
      // Adding a document in 元: the department total is in 万元, converted exactly.
      await importJson(store, yuan, 'cents-yuan.json');
      const mixed = (await listDepartments({ store }, { search: '分厘' }))[0]!;
      expect(mixed.amountUnit).toBe('万元');
      expect(mixed.totalAmount).toBe(sumAmounts([...amounts, 1.234567], '万元'));
    });

    it('imports 10,000 projects × 5 indicators in bulk', async () => {
      const doc = largeDocument(10_000, 5);
      let t = performance.now();
      const outcome = await store.documents.saveImport({ document: doc, year: 2024, fileName: 'bench.json', sha256: 'bench-1' });
      const importMs = performance.now() - t;
      expect(outcome).toMatchObject({ status: 'created', projectCount: 10_000, indicatorCount: 50_000 });
      t = performance.now();
      const again = await store.documents.saveImport({ document: doc, year: 2024, fileName: 'bench.json', sha256: 'bench-1' });
      const unchangedMs = performance.now() - t;
      expect(again.status).toBe('unchanged');
      t = performance.now();
      const dept = await getDepartment({ store }, outcome.departmentId!);
      const queryMs = performance.now() - t;
      expect(dept).toMatchObject({ projectCount: 10_000, indicatorCount: 50_000 });
      expect(dept.totalAmount).toBe(sumAmounts(listProjects(doc).map(({ project }) => project.amount), '万元'));
      t = performance.now();
      const exported = await exportDocument({ store }, { documentId: outcome.documentId });
      const exportMs = performance.now() - t;
      expect(exported).toEqual(doc);
      console.log(
        `[${backend}] 10,000×5 import ${Math.round(importMs)} ms, same again ${Math.round(unchangedMs)} ms, department totals ${Math.round(queryMs)} ms, export ${Math.round(exportMs)} ms`,
      );
    });
  });
}
