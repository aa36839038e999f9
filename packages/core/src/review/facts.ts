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

export function level1Of(indicator: Indicator): DeclaredLevel<Level1Key> & { text: string } {
  const byCode = findLevel1(indicator.level1Code);
  const byName = findLevel1(indicator.level1);
  return {
    key: (byCode ?? byName)?.key,
    byCode: byCode !== undefined,
    codeNameConflict: byCode !== undefined && byName !== undefined && byCode.key !== byName.key,
    text: levelText(indicator.level1Code, indicator.level1),
  };
}

export function level2Of(indicator: Indicator): (DeclaredLevel<Level2Key> & { parent: Level1Key | undefined; text: string }) | undefined {
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

/** Removes white space and punctuation for comparing texts written twice. */
export function normalizeForCompare(text: string): string {
  return text.replace(/[\s，,。.；;：:、！!？?“”"'‘’（）()《》<>【】[\]—-]/g, '');
}
