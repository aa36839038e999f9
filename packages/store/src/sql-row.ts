/**
 * Row types derived from the drizzle schema, so that a column is described once (schema.ts) and the raw SQL that
 * reads it is typed from there. `SqlRow<typeof table>` is a row as raw SQL returns it: keyed by the column's SQL name
 * (`department_id`), with drizzle's select type, except timestamps, which this store always reads as ISO 8601 UTC
 * text (`utcIso`, `chainAt`), never as the driver's Date. A projection is a `Pick` of it plus its computed columns.
 */
import type { Table } from 'drizzle-orm';

type Columns<T extends Table> = T['_']['columns'];

/** A timestamp column read through `utcIso`: text; null stays null. */
type AsRead<V> = V extends Date ? string : V;

export type SqlRow<T extends Table> = {
  [K in keyof Columns<T> & keyof T['$inferSelect'] as Columns<T>[K]['_']['name']]: AsRead<T['$inferSelect'][K]>;
};

/** `SqlRow` with every column nullable: the side of a left join that may find no row. */
export type Outer<R> = { [K in keyof R]: R[K] | null };

/** Columns of `R` under other names, as a query aliases them: `As<SqlRow<typeof publications>, { published_at: 'at' }>`. */
export type As<R, Names extends Record<string, keyof R>> = { [K in keyof Names]: R[Names[K]] };
