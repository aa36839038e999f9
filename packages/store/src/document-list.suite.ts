/**
 * `GET /api/documents`'s store query (issue 12 item 1), on both backends (document-list.pglite.test.ts,
 * document-list.pg.test.ts): a page, never every document; the filters and the person's departments applied in SQL
 * with the total they select; the three orders; keyset paging through the same rows as offsets; and the columns that
 * used to be per-row subqueries (the version count, the units, the workflow status) as they were.
 */
import type { DocumentQuery } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { sampleDocument, useSuiteStore, type StoreHandle } from './testing';

const DEPARTMENTS = ['广州市荔湾区人民政府花地街道办事处', '广州市荔湾区人民政府金花街道办事处', '广州市荔湾区人民政府彩虹街道办事处'];

export function documentListSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`the documents list on ${backend}`, () => {
    let store: OpenedStore;
    const ids: number[] = [];

    useSuiteStore(open, async (opened) => {
      store = opened;
      // 3 departments × 2 years × (targets, self-evaluation) = 12 documents; the first one gets a second version.
      for (const department of DEPARTMENTS) {
        for (const year of [2024, 2025]) {
          for (const kind of ['department-targets', 'department-self-evaluation'] as const) {
            const document = sampleDocument({ department, year, kind });
            const saved = await store.documents.saveImport({ document, year, fileName: `${kind}-${year}.json`, sha256: `${department}${year}${kind}` });
            ids.push(saved.documentId);
          }
        }
      }
      const again = sampleDocument({ department: DEPARTMENTS[0], year: 2024, kind: 'department-targets' });
      again.units[0]!.projects.pop();
      await store.documents.saveImport({ document: again, year: 2024, fileName: 'department-targets-2024.json', sha256: 'second version' });
      await store.db.execute(sql`insert into document_workflow (document_id, status, status_version, updated_by) values (${ids[2]!}, 'in-review', 1, 'test')`);
    });

    const page = (q: Partial<DocumentQuery> = {}) => store.documents.pageDocuments({ limit: 50, ...q });

    it('answers a page of at most `limit` documents with the total the filters select', async () => {
      const first = await page({ limit: 5 });
      expect(first.items.map((d) => d.id)).toEqual([...ids].sort((a, b) => a - b).slice(0, 5));
      expect(first.total).toBe(12);
      expect((await page({ limit: 5, offset: 10 })).items).toHaveLength(2);
      const targets = await page({ kind: 'targets' });
      expect(targets.total).toBe(6);
      expect(targets.items.every((d) => d.kind === 'department-targets')).toBe(true);
      expect((await page({ kind: 'self-evaluations' })).items.every((d) => d.kind === 'department-self-evaluation')).toBe(true);
      expect((await page({ status: 'in-review' })).items.map((d) => d.id)).toEqual([ids[2]]);
      // A document that never moved is a draft.
      expect((await page({ status: 'draft' })).total).toBe(5);
      expect((await page({ year: 2025 })).total).toBe(6);
      expect((await page({ documentId: ids[3]! })).items.map((d) => d.id)).toEqual([ids[3]]);
    });

    it('applies the person\'s departments and a search (title, department or file name, wildcards literal) in SQL', async () => {
      const [huadi] = await queryRows<{ id: number }>(store.db, sql`select id from departments where name = ${DEPARTMENTS[0]!}`);
      const scoped = await page({ inDepartments: [huadi!.id] });
      expect(scoped.total).toBe(4);
      expect(scoped.items.every((d) => d.department === DEPARTMENTS[0])).toBe(true);
      expect((await page({ inDepartments: [] })).total).toBe(0);
      expect((await page({ search: '金花' })).total).toBe(4);
      expect((await page({ search: 'self-evaluation-2025' })).total).toBe(3);
      expect((await page({ search: '%' })).total).toBe(0);
      expect((await page({ search: '金花', year: 2024, kind: 'targets' })).items.map((d) => d.fileName)).toEqual(['department-targets-2024.json']);
    });

    it('orders by id (keyset with `after`), newest version first, or by department', async () => {
      const byOffset = [];
      for (let offset = 0; offset < 12; offset += 5) byOffset.push(...(await page({ limit: 5, offset })).items.map((d) => d.id));
      const byKeyset = [];
      let after: number | undefined;
      for (;;) {
        const got = await page({ limit: 5, offset: 999, ...(after === undefined ? { offset: 0 } : { after }) });
        byKeyset.push(...got.items.map((d) => d.id));
        if (got.items.length < 5) break;
        after = got.items.at(-1)!.id;
      }
      expect(byKeyset).toEqual(byOffset);
      const recent = (await page({ order: 'recent' })).items;
      // The second version of the first document is the newest import.
      expect(recent[0]!.id).toBe(ids[0]);
      expect(recent.slice(1).map((d) => d.importedAt)).toEqual(recent.slice(1).map((d) => d.importedAt).sort().reverse());
      const byDepartment = (await page({ order: 'department' })).items.map((d) => d.department);
      expect(new Set(byDepartment).size).toBe(3);
      // Each department's documents together, in the database's order of names.
      const runs = byDepartment.filter((d, i) => d !== byDepartment[i - 1]);
      expect(runs).toHaveLength(3);
    });

    it('gives the version count, the units and the status as counting and joining row by row did', async () => {
      const expected = await queryRows<{ id: number; versions: number; units: string | null; status: string | null }>(
        store.db,
        sql`select d.id, (select count(*)::int from document_versions x where x.document_id = d.id) as versions,
              (select json_agg(distinct u.name order by u.name)::text from unit_totals t join units u on u.id = t.unit_id where t.version_id = d.current_version_id) as units,
              (select w.status from document_workflow w where w.document_id = d.id) as status
            from documents d order by d.id`,
      );
      const got = (await page()).items;
      expect(got.map((d) => ({ id: d.id, versions: d.versionCount, units: d.unitNames, status: d.targetStatus }))).toEqual(
        expected.map((r) => ({ id: r.id, versions: r.versions, units: r.units ? (JSON.parse(r.units) as string[]) : [], status: got.find((d) => d.id === r.id)!.kind.endsWith('targets') ? (r.status ?? 'draft') : null })),
      );
      expect(got.find((d) => d.id === ids[0])!.versionCount).toBe(2);
      expect(got.find((d) => d.id === ids[0])!.unitNames).toHaveLength(2);
      // The single document and the list agree.
      expect((await store.documents.getDocument(ids[0]!)).summary).toEqual(got.find((d) => d.id === ids[0]));
      expect((await store.documents.getDocument(ids[0]!, 1)).summary.versionCount).toBe(2);
    });
  });
}
