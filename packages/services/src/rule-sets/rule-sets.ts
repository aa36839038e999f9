/**
 * Rule sets as stored data (decision 003): list, show, copy-with-changes (always a new, immutable version),
 * activate for a scheme, region and budget year, and resolve the rule set a score uses. The built-in rule sets are
 * always available without being stored.
 */
import {
  BUILTIN_RULE_SETS,
  activeRuleSet,
  builtinRuleSetFor,
  applySettingChanges,
  copyRuleSet,
  formatYears,
  parseRuleSetRef,
  ruleSetRef,
  validateRuleSet,
  SCHEME_LABELS,
  type RuleScheme,
  type RuleSet,
  type RuleSource,
} from '@jixiao/core';
import { SETTINGS_SCHEMAS, type RuleSetSettings } from '@jixiao/contract';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';

export interface StoredRuleSet {
  ruleSet: RuleSet<unknown>;
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export interface RuleSetActivation {
  id: number;
  scheme: RuleScheme;
  region: string;
  year: number;
  /** `id@version`. */
  ruleSet: string;
  by: string;
  /** ISO 8601, UTC. */
  at: string;
}

/** The store's part (packages/store/src/rule-set-store.ts). Stored versions are never updated. */
export interface RuleSetStore {
  /** Every stored version, by id then version. */
  listRuleSets(): Promise<StoredRuleSet[]>;
  getRuleSet(id: string, version: number): Promise<StoredRuleSet | null>;
  /** Throws `CONFLICT` when `id@version` is already stored. */
  saveRuleSet(ruleSet: RuleSet<unknown>, by: string): Promise<StoredRuleSet>;
  /** Every activation, oldest first (the latest per scheme, region and year counts). */
  listActivations(): Promise<RuleSetActivation[]>;
  saveActivation(input: { scheme: RuleScheme; region: string; year: number; id: string; version: number; by: string }): Promise<RuleSetActivation>;
}

export interface RuleSetDeps {
  store: { ruleSets: RuleSetStore };
}

export interface RuleSetSummary {
  ref: string;
  id: string;
  version: number;
  scheme: RuleScheme;
  schemeLabel: string;
  name: string;
  region: string;
  years: { from: number | null; to: number | null };
  sources: RuleSource[];
  basedOn: string | null;
  builtIn: boolean;
  createdBy: string | null;
  createdAt: string | null;
}

export interface RuleSetDetail extends RuleSetSummary {
  settings: RuleSetSettings;
}

function summaryOf(ruleSet: RuleSet<unknown>, stored: Omit<StoredRuleSet, 'ruleSet'> | null): RuleSetSummary {
  return {
    ref: ruleSetRef(ruleSet),
    id: ruleSet.id,
    version: ruleSet.version,
    scheme: ruleSet.scheme,
    schemeLabel: SCHEME_LABELS[ruleSet.scheme] ?? ruleSet.scheme,
    name: ruleSet.name,
    region: ruleSet.region,
    years: { ...ruleSet.years },
    sources: ruleSet.sources.map((s) => ({ ...s })),
    basedOn: ruleSet.basedOn ?? null,
    builtIn: stored === null,
    createdBy: stored?.createdBy ?? null,
    createdAt: stored?.createdAt ?? null,
  };
}

function detailOf(ruleSet: RuleSet<unknown>, stored: Omit<StoredRuleSet, 'ruleSet'> | null): RuleSetDetail {
  // Parsed by the scheme's schema (derived from the settings table every stored version was validated by), not cast.
  return { ...summaryOf(ruleSet, stored), settings: SETTINGS_SCHEMAS[ruleSet.scheme].parse(structuredClone(ruleSet.settings)) };
}

const builtIn = (id: string, version: number) => BUILTIN_RULE_SETS.find((r) => r.id === id && r.version === version) ?? null;

/** Stored and built-in versions of one id, oldest first. */
async function versionsOf(deps: RuleSetDeps, id: string): Promise<{ ruleSet: RuleSet<unknown>; stored: StoredRuleSet | null }[]> {
  const stored = (await deps.store.ruleSets.listRuleSets()).filter((s) => s.ruleSet.id === id).map((s) => ({ ruleSet: s.ruleSet, stored: s }));
  const builtins = BUILTIN_RULE_SETS.filter((r) => r.id === id).map((ruleSet) => ({ ruleSet, stored: null }));
  return [...builtins, ...stored].sort((a, b) => a.ruleSet.version - b.ruleSet.version);
}

function parseRef(text: string): { id: string; version?: number } {
  const ref = parseRuleSetRef(text);
  if (!ref) throw new AppError('BAD_INPUT', `规则集 ${JSON.stringify(text)} 写法有误：应为「编号@版本」，例如 cn-project-self-evaluation@1`, { ruleSet: text });
  return ref;
}

/** A rule set by `id@version` (or `id` for its newest version), stored or built-in. Throws NOT_FOUND. */
export async function findRuleSet(deps: RuleSetDeps, refText: string): Promise<{ ruleSet: RuleSet<unknown>; stored: StoredRuleSet | null }> {
  const ref = parseRef(refText);
  if (ref.version !== undefined) {
    const b = builtIn(ref.id, ref.version);
    if (b) return { ruleSet: b, stored: null };
    const stored = await deps.store.ruleSets.getRuleSet(ref.id, ref.version);
    if (stored) return { ruleSet: stored.ruleSet, stored };
  } else {
    const newest = (await versionsOf(deps, ref.id)).at(-1);
    if (newest) return newest;
  }
  throw new AppError('NOT_FOUND', `找不到规则集 ${refText}；jixiao rules list 可列出全部规则集。`, { ruleSet: refText });
}

export async function listRuleSets(deps: RuleSetDeps): Promise<{ items: RuleSetSummary[]; activations: RuleSetActivation[] }> {
  const stored = await deps.store.ruleSets.listRuleSets();
  const items = [...BUILTIN_RULE_SETS.map((r) => summaryOf(r, null)), ...stored.map((s) => summaryOf(s.ruleSet, s))];
  return { items, activations: currentActivations(await deps.store.ruleSets.listActivations()) };
}

/** The latest activation of each scheme, region and year. */
function currentActivations(all: RuleSetActivation[]): RuleSetActivation[] {
  const latest = new Map<string, RuleSetActivation>();
  for (const a of all) latest.set(`${a.scheme}\u0000${a.region}\u0000${a.year}`, a);
  return [...latest.values()].sort((a, b) => a.scheme.localeCompare(b.scheme) || a.region.localeCompare(b.region) || a.year - b.year);
}

export async function getRuleSet(deps: RuleSetDeps, input: { ref: string }): Promise<RuleSetDetail> {
  const { ruleSet, stored } = await findRuleSet(deps, input.ref);
  return detailOf(ruleSet, stored);
}

export interface CreateRuleSetVersionInput {
  /** The rule set copied: `id@version`. */
  from: string;
  /** Default: the same id (the result is its next version). */
  id?: string;
  /** Default: the next free version of the id. */
  version?: number;
  name?: string;
  region?: string;
  years?: { from: number | null; to: number | null };
  /** The local document (文号) the new version follows. */
  source?: RuleSource | string;
  /** Setting changes, `path → value` (`weights.execution → 15`). */
  changes?: Record<string, unknown>;
  /** The name kept as who made it; default the person's (or the operator's). */
  by?: string;
}

/**
 * Copies a rule set with changes into a new stored version: validated against its scheme (every problem names its
 * setting), never overwriting a stored or built-in version.
 */
export async function createRuleSetVersion(deps: CommandDeps, who: ChangeContext, input: CreateRuleSetVersionInput): Promise<RuleSetDetail> {
  const by = (input.by ?? changedBy(who)).trim();
  if (!by) throw new AppError('BAD_INPUT', '请写明操作人（by）。');
  const { ruleSet: base } = await findRuleSet(deps, input.from);
  const id = input.id?.trim() || base.id;
  if (!parseRuleSetRef(id) || id.includes('@')) throw new AppError('BAD_INPUT', `规则集编号 ${JSON.stringify(id)} 无效：只能用小写字母、数字和连字符，例如 liwan-project-self-evaluation`);
  const existing = await versionsOf(deps, id);
  const version = input.version ?? (existing.at(-1)?.ruleSet.version ?? 0) + 1;
  if (existing.some((e) => e.ruleSet.version === version)) {
    throw new AppError('CONFLICT', `规则集 ${id}@${version} 已存在；已发布的版本不能修改，请换一个版本号（下一个可用版本为 ${(existing.at(-1)?.ruleSet.version ?? 0) + 1}）。`, { ruleSet: `${id}@${version}` });
  }
  const copy = copyRuleSet(base, {
    id,
    version,
    ...(input.region !== undefined ? { region: input.region.trim() } : {}),
    ...(input.years !== undefined ? { years: input.years } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
  });
  if (input.changes && Object.keys(input.changes).length > 0) {
    try {
      copy.settings = applySettingChanges(copy.settings, input.changes);
    } catch (e) {
      throw new AppError('BAD_INPUT', e instanceof Error ? e.message : String(e), { changes: Object.keys(input.changes) });
    }
  }
  const problems = validateRuleSet(copy);
  if (problems.length > 0) throw new AppError('BAD_INPUT', `规则集 ${id}@${version} 未保存：${problems.join('；')}`, { problems });
  return deps.store.transaction(async (tx) => {
    const stored = await tx.ruleSets.saveRuleSet(copy, by);
    const detail = detailOf(stored.ruleSet, stored);
    const { settings: _settings, ...summary } = detail;
    await recordChange(tx.audit, who, { action: 'rule-set.create-version', objectType: 'rule-set', objectId: `${id}@${version}`, before: { from: input.from }, after: { ...summary, changes: input.changes ?? {} } });
    return detail;
  });
}

/** Makes `id@version` the rule set of its scheme for a region and budget year (the latest activation counts). */
export async function activateRuleSet(deps: CommandDeps, who: ChangeContext, input: { ruleSet: string; region: string; year: number; by?: string }): Promise<RuleSetActivation> {
  const by = (input.by ?? changedBy(who)).trim();
  const region = input.region?.trim();
  if (!by) throw new AppError('BAD_INPUT', '请写明操作人（by）。');
  if (!region) throw new AppError('BAD_INPUT', '请写明适用地区（例如 荔湾区；全国通用写「全国」）。');
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) throw new AppError('BAD_INPUT', `年度 ${String(input.year)} 无效：应为四位年份，例如 2024`);
  const ref = parseRef(input.ruleSet);
  if (ref.version === undefined) throw new AppError('BAD_INPUT', `启用规则集须写明版本：${input.ruleSet}@版本`);
  const { ruleSet } = await findRuleSet(deps, input.ruleSet);
  const { from, to } = ruleSet.years;
  if ((from !== null && input.year < from) || (to !== null && input.year > to)) {
    throw new AppError('BAD_INPUT', `规则集 ${ruleSetRef(ruleSet)} 适用于 ${formatYears(ruleSet.years)} 年度，不能用于 ${input.year} 年度。`, { ruleSet: ruleSetRef(ruleSet), year: input.year });
  }
  return deps.store.transaction(async (tx) => {
    const activation = await tx.ruleSets.saveActivation({ scheme: ruleSet.scheme, region, year: input.year, id: ruleSet.id, version: ruleSet.version, by });
    await recordChange(tx.audit, who, { action: 'rule-set.activate', objectType: 'rule-set-activation', objectId: `${activation.scheme}/${activation.region}/${activation.year}`, before: null, after: activation });
    return activation;
  });
}

/**
 * The rule set a score or review uses: the one named (`id@version`, stored or built-in, of the right scheme), else
 * the one activated for the most specific region covering `region` and the year, else the built-in one — for a
 * `document`, the built-in one its department and table layout call for (Guangzhou's or the national one).
 */
export async function resolveRuleSet<S = unknown>(
  deps: RuleSetDeps,
  input: { scheme: RuleScheme; ref?: string; region?: string; year?: number | null; document?: Parameters<typeof builtinRuleSetFor>[1] },
): Promise<RuleSet<S>> {
  if (input.ref) {
    const { ruleSet } = await findRuleSet(deps, input.ref);
    if (ruleSet.scheme !== input.scheme) {
      throw new AppError('BAD_INPUT', `规则集 ${ruleSetRef(ruleSet)} 用于${SCHEME_LABELS[ruleSet.scheme]}，不能用于${SCHEME_LABELS[input.scheme]}。`, { ruleSet: ruleSetRef(ruleSet), scheme: input.scheme });
    }
    return ruleSet as RuleSet<S>;
  }
  const fallback = input.document ? builtinRuleSetFor(input.scheme, input.document).ruleSet : BUILTIN_RULE_SETS.find((r) => r.scheme === input.scheme)!;
  if (input.year == null) return fallback as RuleSet<S>;
  const activations = currentActivations(await deps.store.ruleSets.listActivations()).map((a) => ({ ...a, years: { from: a.year, to: a.year }, version: a.id }));
  const chosen = activeRuleSet(activations, { scheme: input.scheme, region: input.region?.trim() || '全国', year: input.year });
  if (!chosen) return fallback as RuleSet<S>;
  return (await findRuleSet(deps, chosen.ruleSet)).ruleSet as RuleSet<S>;
}
