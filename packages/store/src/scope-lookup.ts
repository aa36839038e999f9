/**
 * `ScopeLookup` on drizzle: one indexed lookup per request, so the access policy can decide before the route loads
 * anything (and a foreign object answers 404 exactly like a missing one).
 */
import type { ScopeLookup, ScopedObject } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db';

const QUERIES: Record<ScopedObject, (id: number) => SQL> = {
  department: (id) => sql`select id as department_id from departments where id = ${id}`,
  unit: (id) => sql`select department_id from units where id = ${id}`,
  document: (id) => sql`select department_id from documents where id = ${id}`,
  project: (id) => sql`select department_id from projects where id = ${id}`,
  indicator: (id) => sql`select department_id from indicators where id = ${id}`,
  evaluation: (id) => sql`select d.department_id from evaluations e join documents d on d.id = e.document_id where e.id = ${id}`,
  rectification: (id) => sql`select department_id from rectification_items where id = ${id}`,
  attachment: (id) => sql`select department_id from attachments where id = ${id}`,
};

export function createScopeLookup(db: Db): ScopeLookup {
  return {
    async departmentOf(object, id) {
      // Ids beyond int4 cannot exist; asking would make PostgreSQL fail with "out of range".
      if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
      const rows = await queryRows<{ department_id: number | null }>(db, QUERIES[object](id));
      return rows[0] === undefined ? undefined : rows[0].department_id;
    },
  };
}
