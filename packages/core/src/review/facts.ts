/**
 * Facts about indicators that several checks need: which target counts, whether a name says rate, count or
 * satisfaction, which levels an indicator declares. Kept in one place so the checks agree with each other.
 */
import type { Indicator, Target } from '../document/model';
import { findLevel1, findLevel2, type Level1Key, type Level2Key } from '../indicators/levels';
import { formatTarget } from '../target/parse-target';
import type { ReviewSettings } from './settings';

/** The target a check judges: the annual one, or the period one when the annual is missing. */
export function judgedTarget(indicator: Indicator): Target | null {
  return indicator.annualTarget ?? indicator.periodTarget;
}

export function isRateName(name: string, settings: ReviewSettings): boolean {
  return settings.rateNameEndings.some((e) => name.endsWith(e)) || /满意度(指标)?$/.test(name);
}

export function isCountName(name: string, settings: ReviewSettings): boolean {
  return settings.countNameEndings.some((e) => name.endsWith(e) || name.endsWith(`${e}）`) || name.endsWith(`${e})`));
}

export function isSatisfactionIndicator(indicator: Indicator): boolean {
  return indicator.name.includes('满意度') || indicator.name.includes('满意率') || level2Of(indicator)?.key === 'beneficiarySatisfaction';
}

export interface DeclaredLevel<K> {
  key: K | undefined;
  /** True when the key came from a written code, false when only from the name. */
  byCode: boolean;
  /** The code and the name disagree (`31-社会效益`). */
  codeNameConflict: boolean;
}

type Level1Facts = DeclaredLevel<Level1Key> & { text: string };
type Level2Facts = DeclaredLevel<Level2Key> & { parent: Level1Key | undefined; text: string };
const level1Cache = new Map<string, Level1Facts>();
const level2Cache = new Map<string, Level2Facts | undefined>();
const CACHE_MAX = 10_000;

/** What an indicator's 一级 declares. Memoised by the written code and name: documents repeat a handful of spellings. */
export function level1Of(indicator: Indicator): Level1Facts {
  const key = `${indicator.level1Code ?? ''}\u0001${indicator.level1 ?? ''}`;
  let facts = level1Cache.get(key);
  if (!facts) {
    facts = computeLevel1(indicator);
    if (level1Cache.size < CACHE_MAX) level1Cache.set(key, facts);
  }
  return facts;
}

/** What an indicator's 二级 declares, or undefined when it has none. Memoised like level1Of. */
export function level2Of(indicator: Indicator): Level2Facts | undefined {
  const key = `${indicator.level2Code ?? ''}\u0001${indicator.level2 ?? ''}`;
  if (level2Cache.has(key)) return level2Cache.get(key);
  const facts = computeLevel2(indicator);
  if (level2Cache.size < CACHE_MAX) level2Cache.set(key, facts);
  return facts;
}

function computeLevel1(indicator: Indicator): Level1Facts {
  const byCode = findLevel1(indicator.level1Code);
  const byName = findLevel1(indicator.level1);
  return {
    key: (byCode ?? byName)?.key,
    byCode: byCode !== undefined,
    codeNameConflict: byCode !== undefined && byName !== undefined && byCode.key !== byName.key,
    text: levelText(indicator.level1Code, indicator.level1),
  };
}

function computeLevel2(indicator: Indicator): Level2Facts | undefined {
  if (!indicator.level2Code && !indicator.level2) return undefined;
  const byCode = findLevel2(indicator.level2Code);
  const byName = findLevel2(indicator.level2);
  const def = byCode ?? byName;
  return {
    key: def?.key,
    parent: def?.level1,
    byCode: byCode !== undefined,
    codeNameConflict: byCode !== undefined && byName !== undefined && byCode.key !== byName.key,
    text: levelText(indicator.level2Code, indicator.level2),
  };
}

function levelText(code: string | null, name: string | null): string {
  if (code && name) return `${code}-${name}`;
  return code ?? name ?? '（未填写）';
}

/** `「≥90%」` or `（缺失）`, for messages. */
export function quoteTarget(target: Target | null): string {
  return target ? `「${target.text || formatTarget(target)}」` : '（缺失）';
}

/** Chinese label of a 一级 key. */
export const LEVEL1_LABEL: Record<Level1Key, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
};

const PUNCTUATION = /[\s，,。.；;：:、！!？?“”"'‘’（）()《》<>【】[\]—-]/g;
const normalizedCache = new Map<string, string>();

/** Removes white space and punctuation for comparing texts written twice (memoised for short texts such as names). */
export function normalizeForCompare(text: string): string {
  if (text.length > 64) return text.replace(PUNCTUATION, '');
  let out = normalizedCache.get(text);
  if (out === undefined) {
    out = text.replace(PUNCTUATION, '');
    if (normalizedCache.size < CACHE_MAX) normalizedCache.set(text, out);
  }
  return out;
}
