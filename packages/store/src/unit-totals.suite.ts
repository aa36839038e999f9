/**
 * The stored unit totals (issue 12 item 1), on both backends (unit-totals.pglite.test.ts, unit-totals.pg.test.ts): the
 * department overview and the unit list, now added up from `unit_totals`, give exactly what summing every current
 * project gives; a new version replaces the old one's totals in the overview; a withdrawn draft takes its totals with
 * it; and migration 0009's backfill writes for existing versions exactly what the import writes.
 */
import { readFileSync } from 'node:fs';
import { importDocumentFile, SYSTEM_CHANGE, withdrawDocument } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './db';
import type { OpenedStore } from './open-store';
import { importSeed002, seedFile, SEED_002, useSuiteStore, type StoreHandle } from './testing';

/** What the overview showed before the rollups: every current project of the department, summed. */
async function fromProjects(store: OpenedStore, departmentId: number) {
  const [row] = await queryRows<{ project_count: number; total_wan: string | null; amount_count: number }>(
    store.db,
    sql`select count(*)::int as project_count, sum(case when p.amount_unit = '元' then p.amount / 10000 else p.amount end)::text as total_wan, count(p.amount)::int as amount_count
        from projects p join documents d on d.current_version_id = p.version_id where p.department_id = ${departmentId}`,
  );
  return row!;
}

const BACKFILL = readFileSync(new URL('../drizzle/0009_unit_totals.sql', import.meta.url), 'utf8').split('--> statement-breakpoint').find((s) => s.includes('INSERT INTO "unit_totals"'))!;

export function unitTotalsSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`unit totals on ${backend}`, () => {
    let store: OpenedStore;
    let departmentId: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      departmentId = (await importSeed002(store)).departmentId!;
    });

    async function overview() {
      const d = await store.catalog.getDepartment(departmentId);
      return { project_count: d.projectCount, total_wan: d.amounts.sumInWan, amount_count: d.amounts.count };
    }

    it('adds up to what summing every current project gives, for the department and for its units', async () => {
      const expected = await fromProjects(store, departmentId);
      expect(expected.project_count).toBeGreaterThan(5);
      const got = await overview();
      expect(got.project_count).toBe(expected.project_count);
      expect(got.amount_count).toBe(expected.amount_count);
      expect(Number(got.total_wan)).toBeCloseTo(Number(expected.total_wan), 6);
      expect(got.total_wan!.replace(/0+$/, '')).toBe(expected.total_wan!.replace(/0+$/, ''));
      const units = await store.catalog.listUnits({ departmentId });
      expect(units.reduce((n, u) => n + u.projectCount, 0)).toBe(expected.project_count);
      // The documents list names each version's units from the same rows.
      const [doc] = await store.documents.listDocuments({ departmentId });
      const named = await queryRows<{ name: string }>(
        store.db,
        sql`select distinct u.name from projects p join units u on u.id = p.unit_id join documents d on d.current_version_id = p.version_id where d.id = ${doc!.id} order by u.name`,
      );
      expect(named.length).toBeGreaterThan(0);
      expect(doc!.unitNames).toEqual(named.map((r) => r.name));
    });

    it('counts only the current version after a new one, and drops a withdrawn draft\'s totals', async () => {
      const before = await overview();
      // The same seed under another file name is another document of the same department: its projects add up.
      const other = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '另一份.txt', bytes: seedFile(SEED_002).bytes, year: 2024 });
      expect((await overview()).project_count).toBe(before.project_count * 2);
      // A new version of it (one project fewer): its old version's totals leave the overview.
      const text = new TextDecoder().decode(seedFile(SEED_002).bytes);
      const fewer = text.replace(/\n[^\n]*病媒生物防治[^\n]*/, '');
      expect(fewer).not.toBe(text);
      const second = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '另一份.txt', bytes: new TextEncoder().encode(fewer), year: 2024 });
      expect(second.status).toBe('new-version');
      const now = await overview();
      expect(now).toEqual({ ...(await fromProjects(store, departmentId)), total_wan: now.total_wan });
      expect(Number(now.total_wan)).toBeCloseTo(Number((await fromProjects(store, departmentId)).total_wan), 6);
      await withdrawDocument({ store }, SYSTEM_CHANGE, { documentId: other.documentId });
      expect(await overview()).toEqual(before);
      const [left] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from unit_totals where document_id = ${other.documentId}`);
      expect(left!.n).toBe(0);
    });

    it('gives the projects\' and indicators\' list totals, without a search, exactly as counting the current rows does', async () => {
      const count = async (table: string, where = 'true') =>
        (await queryRows<{ n: number }>(store.db, sql.raw(`select count(*)::int as n from ${table} x join documents d on d.current_version_id = x.version_id where ${where}`)))[0]!.n;
      const projects = await store.catalog.listProjects({ limit: 1, offset: 0 });
      expect(projects.total).toBe(await count('projects'));
      expect((await store.catalog.listProjects({ limit: 1, offset: 0, year: 2024, departmentId })).total).toBe(await count('projects', `x.year = 2024 and x.department_id = ${departmentId}`));
      expect((await store.catalog.listProjects({ limit: 1, offset: 0, year: 1999 })).total).toBe(0);
      const unitId = projects.items[0]!.unitId;
      expect((await store.catalog.listProjects({ limit: 1, offset: 0, unitId })).total).toBe(await count('projects', `x.unit_id = ${unitId}`));
      expect((await store.catalog.listProjects({ limit: 1, offset: 0, inDepartments: [] })).total).toBe(0);
      expect((await store.catalog.listIndicators({ limit: 1, offset: 0 })).total).toBe(await count('indicators'));
      expect((await store.catalog.listIndicators({ limit: 1, offset: 0, departmentId, year: 2024 })).total).toBe(await count('indicators', `x.department_id = ${departmentId} and x.year = 2024`));
      expect((await store.catalog.listIndicators({ limit: 1, offset: 0, inDepartments: [departmentId + 1000] })).total).toBe(0);
    });

    it('pages by keyset (`after` the last id) through the same rows, in the same order, as by offset; the documents list too', async () => {
      const byOffset = [];
      for (let offset = 0; ; offset += 7) {
        const page = await store.catalog.listProjects({ limit: 7, offset });
        byOffset.push(...page.items.map((p) => p.id));
        if (page.items.length < 7) break;
      }
      const byKeyset = [];
      let after: number | undefined;
      for (;;) {
        // With `after`, the offset is ignored (999,999 would skip everything).
        const page = await store.catalog.listProjects(after === undefined ? { limit: 7, offset: 0 } : { limit: 7, offset: 999_999, after });
        byKeyset.push(...page.items.map((p) => p.id));
        if (page.items.length < 7) break;
        after = page.items.at(-1)!.id;
      }
      expect(byOffset.length).toBeGreaterThan(7);
      expect(byKeyset).toEqual(byOffset);
      const first = await store.catalog.listIndicators({ limit: 5, offset: 0 });
      const next = await store.catalog.listIndicators({ limit: 5, offset: 0, after: first.items.at(-1)!.id });
      expect(next.items.map((i) => i.id)).toEqual((await store.catalog.listIndicators({ limit: 5, offset: 5 })).items.map((i) => i.id));
      expect(next.total).toBe(first.total);
      // The documents list pages the same way (every document without a limit, as before).
      const all = (await store.documents.listDocuments()).map((d) => d.id);
      expect(all.length).toBeGreaterThan(0);
      const one = await store.documents.listDocuments({ limit: 1 });
      expect(one.map((d) => d.id)).toEqual(all.slice(0, 1));
      expect((await store.documents.listDocuments({ limit: 10, after: one[0]!.id })).map((d) => d.id)).toEqual(all.slice(1, 11));
    });

    it('backfills, as migration 0009 does, exactly the rows the import wrote', async () => {
      const rows = sql`select version_id, document_id, department_id, unit_id, year, project_count, total_wan::text, total_raw::text, all_yuan, amount_count from unit_totals order by version_id, unit_id`;
      const written = await queryRows(store.db, rows);
      expect(written.length).toBeGreaterThan(0);
      await store.db.execute(sql`delete from unit_totals`);
      await store.db.execute(sql.raw(BACKFILL));
      expect(await queryRows(store.db, rows)).toEqual(written);
    });
  });
}
