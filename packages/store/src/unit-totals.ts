/**
 * `unit_totals` (schema.ts): one row per budget unit of a version, written in the import transaction right after the
 * version's projects, with the same exact sums the catalog used to compute over every project (migration 0009 fills
 * it for the versions imported before).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './db';

export async function rollUpVersion(tx: Executor, versionId: number): Promise<void> {
  await tx.execute(
    sql`insert into unit_totals (version_id, document_id, department_id, unit_id, year, project_count, total_wan, total_raw, all_yuan, amount_count)
        select p.version_id, p.document_id, p.department_id, p.unit_id, min(p.year), count(*)::int,
               sum(case when p.amount_unit = '元' then p.amount / 10000 else p.amount end), sum(p.amount),
               coalesce(bool_and(p.amount_unit = '元'), false), count(p.amount)::int
        from projects p where p.version_id = ${versionId} and p.department_id is not null and p.unit_id is not null
        group by p.version_id, p.document_id, p.department_id, p.unit_id`,
  );
}
