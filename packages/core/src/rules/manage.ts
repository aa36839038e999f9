/**
 * Managing rule sets as data (decision 003): parse `id@version`, copy a rule set for a region and years, change
 * settings (always into a new version), and choose the rule set that applies to a scheme, region and year.
 */
import { ruleSetRef, type RuleScheme, type RuleSet, type RuleSource } from './rule-set';

export interface RuleSetRefParts {
  id: string;
  /** Absent: the newest version. */
  version?: number;
}

/** `cn-project-self-evaluation@2` or `cn-project-self-evaluation`; null when it is not a reference. */
export function parseRuleSetRef(text: string): RuleSetRefParts | null {
  const m = /^([a-z0-9][a-z0-9-]{0,63})(?:@(\d{1,6}))?$/.exec(text.trim());
  if (!m) return null;
  return m[2] === undefined ? { id: m[1]! } : { id: m[1]!, version: Number(m[2]) };
}

/** `2024-2025`, `2024`, `2024-` (open-ended), `-2025`; null when unreadable. */
export function parseYears(text: string): RuleSet<unknown>['years'] | null {
  const m = /^\s*(\d{4})?\s*(?:([-–~至])\s*(\d{4})?)?\s*$/.exec(text);
  if (!m || (!m[1] && !m[3])) return null;
  const from = m[1] ? Number(m[1]) : null;
  const to = m[2] ? (m[3] ? Number(m[3]) : null) : from;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

export function formatYears(years: RuleSet<unknown>['years']): string {
  if (years.from !== null && years.from === years.to) return `${years.from}`;
  return `${years.from ?? ''}–${years.to ?? ''}`;
}

export interface CopyRuleSetOptions {
  /** Default: the base rule set's id (the copy is then a new version of it). */
  id?: string;
  version: number;
  region?: string;
  years?: RuleSet<unknown>['years'];
  /** The local document the copy follows (文号), listed first; the base's sources are kept after it. */
  source?: RuleSource | string;
  name?: string;
}

/** A copy of `base` for another region, years or source, recording the rule set it was based on. Pure. */
export function copyRuleSet<S>(base: RuleSet<S>, options: CopyRuleSetOptions): RuleSet<S> {
  const source: RuleSource | null = typeof options.source === 'string' ? { docNo: options.source.trim(), title: '' } : (options.source ?? null);
  const sources = source ? [source, ...base.sources.filter((s) => s.docNo !== source.docNo)] : [...base.sources];
  return {
    id: options.id ?? base.id,
    version: options.version,
    scheme: base.scheme,
    name: options.name ?? base.name,
    region: options.region ?? base.region,
    years: options.years ?? { ...base.years },
    sources,
    basedOn: ruleSetRef(base),
    settings: structuredClone(base.settings),
  };
}

/**
 * Settings with `path = value` changes applied (`weights.execution`, `totalCaps`, `grades[0].min`). A path must
 * name a setting the rule set already has, so a misspelt key is refused instead of silently ignored. Throws a
 * Chinese message naming the path. Pure: `settings` is not changed.
 */
export function applySettingChanges<S>(settings: S, changes: Record<string, unknown>): S {
  const result = structuredClone(settings) as unknown;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
    if (keys.length === 0) throw new Error(`设置项名称为空：${JSON.stringify(path)}`);
    let node: unknown = result;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const container = node as Record<string, unknown> | unknown[] | null;
      const has = Array.isArray(container) ? /^\d+$/.test(key) && Number(key) <= container.length - (last ? 0 : 1) : typeof container === 'object' && container !== null && Object.hasOwn(container, key);
      if (!has) throw new Error(`没有设置项 ${path}（${keys.slice(0, i + 1).join('.')} 不存在）`);
      if (last) (container as Record<string, unknown>)[key] = structuredClone(value);
      else node = (container as Record<string, unknown>)[key];
    });
  }
  return result as S;
}

/** `value` of a `key=value` argument: JSON when it reads as JSON (numbers, true, null, [...], {...}), else text. */
export function parseSettingValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Whether a rule set for `ruleRegion` applies in `region`: 全国 everywhere, else the same region or a part of it. */
export function regionCovers(ruleRegion: string, region: string): boolean {
  return ruleRegion === '全国' || region === ruleRegion || region.startsWith(ruleRegion);
}

/** How specific a region is: 全国 0, else its name's length (广州市荔湾区 is more specific than 广州市). */
export function regionSpecificity(region: string): number {
  return region === '全国' ? 0 : region.length;
}

export interface RuleSetCandidate {
  scheme: RuleScheme;
  region: string;
  years: { from: number | null; to: number | null };
  version: number;
}

/**
 * The candidate that applies to a scheme, region and year: of the candidates of that scheme covering the year and
 * the region, the most specific region wins (a district's beats the city's, which beats the national one); among
 * those, the newest version. Null when none applies.
 */
export function activeRuleSet<C extends RuleSetCandidate>(candidates: readonly C[], query: { scheme: RuleScheme; region: string; year: number }): C | null {
  let best: C | null = null;
  for (const c of candidates) {
    if (c.scheme !== query.scheme || !regionCovers(c.region, query.region)) continue;
    if ((c.years.from !== null && query.year < c.years.from) || (c.years.to !== null && query.year > c.years.to)) continue;
    if (!best) best = c;
    else {
      const a = regionSpecificity(c.region);
      const b = regionSpecificity(best.region);
      if (a > b || (a === b && c.version > best.version)) best = c;
    }
  }
  return best;
}
