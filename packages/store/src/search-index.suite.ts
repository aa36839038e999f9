/**
 * The trigram indexes of the name searches (issue 12 item 2, migration 0012), on both backends
 * (search-index.pglite.test.ts, search-index.pg.test.ts): with sequential scans discouraged the planner reaches
 * `name ILIKE '%…%'` through the GIN index — so the index is usable, not merely present — and the index and a plain
 * scan find the same rows, which are the rows the catalog's searches answer.
 */
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { likePattern } from './catalog';
import { queryRows, type Db } from './db';
import type { OpenedStore } from './open-store';
import { largeDocument, sampleDocument, useSuiteStore, type StoreHandle } from './testing';

const STREETS = ['广州市荔湾区人民政府花地街道办事处', '广州市荔湾区人民政府金花街道办事处', '广州市荔湾区人民政府彩虹街道办事处', '广州市越秀区人民政府北京街道办事处'];

/** The plan of `query` (no ORDER BY: walking the primary key would spare the sort), and its ids in order, with sequential scans off (`index`) or with index scans off (`scan`). */
async function under(db: Db, how: 'index' | 'scan', query: SQL): Promise<{ plan: string; ids: number[] }> {
  return db.transaction(async (tx) => {
    if (how === 'index') await tx.execute(sql`set local enable_seqscan = off`);
    else {
      await tx.execute(sql`set local enable_indexscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
    }
    const plan = (await queryRows<Record<string, string>>(tx, sql`explain ${query}`)).map((r) => Object.values(r)[0]).join('\n');
    const ids = (await queryRows<{ id: number }>(tx, query)).map((r) => r.id).sort((a, b) => a - b);
    return { plan, ids };
  });
}

export function searchIndexSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`the name searches' trigram indexes on ${backend}`, () => {
    let store: OpenedStore;

    useSuiteStore(open, async (opened) => {
      store = opened;
      await store.documents.saveImport({ document: largeDocument(3000, 2), year: 2024, fileName: 'large.json', sha256: 'large' });
      for (const department of STREETS) await store.documents.saveImport({ document: sampleDocument({ department }), year: 2024, fileName: `${department}.json`, sha256: department });
      await store.db.execute(sql`analyze`);
    });

    const cases: Array<[string, string[], (like: string) => SQL]> = [
      ['projects (name or code)', ['projects_name_trgm_idx', 'projects_code_trgm_idx'], (like) => sql`select p.id from projects p where (p.name ilike ${like} or p.code ilike ${like})`],
      ['indicators', ['indicators_name_trgm_idx'], (like) => sql`select i.id from indicators i where i.name ilike ${like}`],
      ['departments', ['departments_name_trgm_idx'], (like) => sql`select dep.id from departments dep where dep.name ilike ${like}`],
    ];
    const words: Record<string, string> = { 'projects (name or code)': '服务项目123', indicators: '活动次数', departments: '花街道' };

    for (const [what, indexes, query] of cases) {
      it(`reaches ${what} through ${indexes.join(' and ')}, and finds the same rows as a plain scan`, async () => {
        const like = likePattern(words[what]!);
        const indexed = await under(store.db, 'index', query(like));
        for (const index of indexes) expect(indexed.plan).toContain(index);
        const scanned = await under(store.db, 'scan', query(like));
        expect(scanned.plan).not.toMatch(/trgm_idx/);
        expect(indexed.ids.length).toBeGreaterThan(0);
        expect(indexed.ids).toEqual(scanned.ids);
      });
    }

    it('answers the catalog\'s searches with exactly the rows whose names contain the words', async () => {
      const all = await queryRows<{ id: number; name: string; code: string | null }>(store.db, sql`select id, name, code from projects order by id`);
      const projects = await store.catalog.listProjects({ search: '服务项目123', limit: 500, offset: 0 });
      const expected = all.filter((p) => p.name.includes('服务项目123') || p.code?.includes('服务项目123')).map((p) => p.id);
      expect(expected.length).toBe(11); // 123 and 1230–1239
      expect(projects.items.map((p) => p.id)).toEqual(expected);
      expect(projects.total).toBe(expected.length);
      const departments = await store.catalog.listDepartments({ search: '花街道' });
      expect(departments.map((d) => d.name).sort()).toEqual(STREETS.filter((s) => s.includes('花街道')).sort());
      const indicators = await store.catalog.listIndicators({ search: '活动次数', limit: 500, offset: 0 });
      const [named] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from indicators where position('活动次数' in name) > 0`);
      expect(indicators.total).toBe(named!.n);
    });
  });
}
