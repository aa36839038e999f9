/**
 * `RuleSetStore` on drizzle (schema `rule_sets`, `rule_set_activations`): stored rule set versions are inserted,
 * never updated; activations are appended and the latest per scheme, region and year counts. Plain reads and
 * inserts of one table, so they go through drizzle's typed builder: the rows are typed by the schema itself.
 */
import type { RuleSet, RuleSource } from '@jixiao/core';
import { AppError, type RuleSetActivation, type RuleSetStore, type StoredRuleSet } from '@jixiao/services';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from './db';
import { ruleSetActivations, ruleSets } from './schema';
import { utcIso } from './sql-values';

/** Every column as the schema types it, the time as the database's UTC text (not the driver's Date). */
const ruleSetSelection = { ...getTableColumns(ruleSets), createdAt: sql<string>`${utcIso('created_at')}` };
const activationSelection = { ...getTableColumns(ruleSetActivations), activatedAt: sql<string>`${utcIso('activated_at')}` };

type RuleSetRow = Omit<typeof ruleSets.$inferSelect, 'createdAt'> & { createdAt: string };
type ActivationRow = Omit<typeof ruleSetActivations.$inferSelect, 'activatedAt'> & { activatedAt: string };

function toStored(r: RuleSetRow): StoredRuleSet {
  const ruleSet: RuleSet<unknown> = {
    id: r.ruleSetId,
    version: r.version,
    scheme: r.scheme,
    name: r.name,
    region: r.region,
    years: { from: r.yearFrom, to: r.yearTo },
    sources: r.sources as RuleSource[],
    basedOn: r.basedOn,
    settings: r.settings ?? null,
  };
  return { ruleSet, createdBy: r.createdBy, createdAt: r.createdAt };
}

function toActivation(r: ActivationRow): RuleSetActivation {
  return { id: r.id, scheme: r.scheme, region: r.region, year: r.year, ruleSet: `${r.ruleSetId}@${r.version}`, by: r.activatedBy, at: r.activatedAt };
}

function causeOf(e: unknown): unknown {
  return e instanceof Error && e.cause instanceof Error ? e.cause : e;
}

export function createRuleSetStore(db: Db): RuleSetStore {
  return {
    async listRuleSets() {
      const rows = await db.select(ruleSetSelection).from(ruleSets).orderBy(asc(ruleSets.ruleSetId), asc(ruleSets.version));
      return rows.map(toStored);
    },

    async getRuleSet(id, version) {
      const rows = await db
        .select(ruleSetSelection)
        .from(ruleSets)
        .where(and(eq(ruleSets.ruleSetId, id), eq(ruleSets.version, version)));
      return rows[0] ? toStored(rows[0]) : null;
    },

    async saveRuleSet(ruleSet, by) {
      const rows = await db
        .insert(ruleSets)
        .values({
          ruleSetId: ruleSet.id,
          version: ruleSet.version,
          scheme: ruleSet.scheme,
          name: ruleSet.name,
          region: ruleSet.region,
          yearFrom: ruleSet.years.from,
          yearTo: ruleSet.years.to,
          sources: ruleSet.sources,
          basedOn: ruleSet.basedOn ?? null,
          settings: ruleSet.settings,
          createdBy: by,
        })
        .onConflictDoNothing({ target: [ruleSets.ruleSetId, ruleSets.version] })
        .returning(ruleSetSelection)
        .catch((e: unknown) => {
          const cause = causeOf(e);
          throw new Error(`保存规则集失败：${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        });
      const row = rows[0];
      if (!row) throw new AppError('CONFLICT', `规则集 ${ruleSet.id}@${ruleSet.version} 已存在；已发布的版本不能修改，请另存为新版本。`, { ruleSet: `${ruleSet.id}@${ruleSet.version}` });
      return toStored(row);
    },

    async listActivations() {
      const rows = await db.select(activationSelection).from(ruleSetActivations).orderBy(asc(ruleSetActivations.id));
      return rows.map(toActivation);
    },

    async saveActivation(input) {
      const rows = await db
        .insert(ruleSetActivations)
        .values({ scheme: input.scheme, region: input.region, year: input.year, ruleSetId: input.id, version: input.version, activatedBy: input.by })
        .returning(activationSelection);
      return toActivation(rows[0]!);
    },
  };
}
