import type { Check } from './check';
import { listTexts } from './texts';

const CLAUSE_SPLIT = /[，,。；;！!？?\n]/;

/**
 * A phrase repeated back to back (seed 002: 「…加强社区两委干部队伍建设的稳定性，增强社区两委干部队伍建设的稳定性…」):
 * two neighbouring clauses that end or begin with the same long phrase, or a phrase immediately doubled.
 */
export const repeatedPhrase: Check = {
  id: 'repeated-phrase',
  dimension: 'wording',
  run(ctx) {
    const min = ctx.settings.repeatedPhraseMinLength;
    for (const { location, text } of listTexts(ctx)) {
      const phrase = findRepeat(text, min);
      if (!phrase) continue;
      ctx.report({
        check: 'repeated-phrase',
        dimension: 'wording',
        location,
        message: `「${location.field}」中「${phrase}」连续重复出现，像是复制粘贴留下的。`,
        suggestion: '删去重复的部分，每句话写一个意思。',
        evidence: phrase,
      });
    }
  },
};

/**
 * The repeated phrase, or null. Two neighbouring clauses that are nearly the same (their common beginning and
 * ending cover at least `similarity` of the longer one) are a repetition; the shorter clause is the phrase.
 * Exported for tests.
 */
export function findRepeat(text: string, min: number, similarity = 0.75): string | null {
  const doubled = new RegExp(`([^\\s，,。；;]{${min},}?)\\1`, 'u').exec(text);
  if (doubled?.[1]) return doubled[1];
  const clauses = text.split(CLAUSE_SPLIT).map((c) => c.trim()).filter(Boolean);
  let best: { score: number; phrase: string } | null = null;
  for (let i = 1; i < clauses.length; i++) {
    const a = clauses[i - 1]!;
    const b = clauses[i]!;
    const shorter = a.length <= b.length ? a : b;
    if (shorter.length < min) continue;
    const prefix = commonPrefixLength(a, b);
    const suffix = prefix === shorter.length ? 0 : commonSuffixLength(a, b);
    const score = Math.min(prefix + suffix, shorter.length) / Math.max(a.length, b.length);
    if (score >= similarity && (!best || score > best.score)) best = { score, phrase: shorter };
  }
  return best?.phrase ?? null;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
