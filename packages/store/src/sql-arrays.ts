/** SQL array parameters. */
import { sql, type SQL } from 'drizzle-orm';

/** An integer array parameter: drizzle would spread a JS array into a list, so it goes as a PostgreSQL array literal. */
export function intArray(ids: readonly number[]): SQL {
  const literal = `{${ids.map((id) => String(Math.trunc(id))).join(',')}}`;
  return sql`${literal}::integer[]`;
}
