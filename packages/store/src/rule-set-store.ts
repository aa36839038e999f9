/**
 * `RuleSetStore` on drizzle (schema `rule_sets`, `rule_set_activations`): stored rule set versions are inserted,
 * never updated; activations are appended and the latest per scheme, region and year counts.
 */
import type { RuleSet, RuleSource } from '@jixiao/core';
import { AppError, type RuleSetActivation, type RuleSetStore, type StoredRuleSet } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { ruleSetActivations, ruleSets } from './schema';
import type { SqlRow } from './sql-row';
import { jsonValue, utcIso } from './sql-values';

type RuleSetRow = SqlRow<typeof ruleSets>;
type ActivationRow = SqlRow<typeof ruleSetActivations>;

const ruleSetColumns = sql`rule_set_id, version, scheme, name, region, year_from, year_to, sources, based_on, settings, created_by, ${utcIso('created_at')} as created_at`;
const activationColumns = sql`id, scheme, region, year, rule_set_id, version, activated_by, ${utcIso('activated_at')} as activated_at`;

function toStored(r: RuleSetRow): StoredRuleSet {
  const ruleSet: RuleSet<unknown> = {
    id: r.rule_set_id,
    version: r.version,
    scheme: r.scheme,
    name: r.name,
    region: r.region,
    years: { from: r.year_from, to: r.year_to },
    sources: jsonValue(r.sources) as RuleSource[],
    basedOn: r.based_on,
    settings: jsonValue(r.settings),
  };
  return { ruleSet, createdBy: r.created_by, createdAt: r.created_at };
}

function toActivation(r: ActivationRow): RuleSetActivation {
  return { id: r.id, scheme: r.scheme, region: r.region, year: r.year, ruleSet: `${r.rule_set_id}@${r.version}`, by: r.activated_by, at: r.activated_at };
}

function causeOf(e: unknown): unknown {
  return e instanceof Error && e.cause instanceof Error ? e.cause : e;
}

export function createRuleSetStore(db: Db): RuleSetStore {
  return {
    async listRuleSets() {
      const rows = await queryRows<RuleSetRow>(db, sql`select ${ruleSetColumns} from rule_sets order by rule_set_id, version`);
      return rows.map(toStored);
    },

    async getRuleSet(id, version) {
      const rows = await queryRows<RuleSetRow>(db, sql`select ${ruleSetColumns} from rule_sets where rule_set_id = ${id} and version = ${version}`);
      return rows[0] ? toStored(rows[0]) : null;
    },

    async saveRuleSet(ruleSet, by) {
      const rows = await queryRows<RuleSetRow>(
        db,
        sql`insert into rule_sets (rule_set_id, version, scheme, name, region, year_from, year_to, sources, based_on, settings, created_by)
            values (${ruleSet.id}, ${ruleSet.version}, ${ruleSet.scheme}, ${ruleSet.name}, ${ruleSet.region}, ${ruleSet.years.from}, ${ruleSet.years.to},
                    ${JSON.stringify(ruleSet.sources)}::jsonb, ${ruleSet.basedOn ?? null}, ${JSON.stringify(ruleSet.settings)}::jsonb, ${by})
            on conflict (rule_set_id, version) do nothing
            returning ${ruleSetColumns}`,
      ).catch((e: unknown) => {
        const cause = causeOf(e);
        throw new Error(`保存规则集失败：${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      });
      const row = rows[0];
      if (!row) throw new AppError('CONFLICT', `规则集 ${ruleSet.id}@${ruleSet.version} 已存在；已发布的版本不能修改，请另存为新版本。`, { ruleSet: `${ruleSet.id}@${ruleSet.version}` });
      return toStored(row);
    },

    async listActivations() {
      const rows = await queryRows<ActivationRow>(db, sql`select ${activationColumns} from rule_set_activations order by id`);
      return rows.map(toActivation);
    },

    async saveActivation(input) {
      const rows = await queryRows<ActivationRow>(
        db,
        sql`insert into rule_set_activations (scheme, region, year, rule_set_id, version, activated_by)
            values (${input.scheme}, ${input.region}, ${input.year}, ${input.id}, ${input.version}, ${input.by})
            returning ${activationColumns}`,
      );
      return toActivation(rows[0]!);
    },
  };
}
