import type { Check } from './check';
import { forEachText, textLocation } from './texts';

const CLAUSE_END = /[，,。；;！!？?\n]/;

/**
 * A phrase repeated back to back (seed 002: 「…加强社区两委干部队伍建设的稳定性，增强社区两委干部队伍建设的稳定性…」):
 * two neighbouring clauses that are nearly the same, or a phrase immediately doubled.
 */
export const repeatedPhrase: Check = {
  id: 'repeated-phrase',
  dimension: 'wording',
  run(ctx) {
    const min = ctx.settings.repeatedPhraseMinLength;
    forEachText(ctx, (text, field, owner) => {
      if (text.length < 2 * min) return;
      const phrase = findRepeat(text, min);
      if (!phrase) return;
      const location = textLocation(field, owner);
      ctx.report({
        check: 'repeated-phrase',
        dimension: 'wording',
        location,
        message: `「${location.field}」中「${phrase}」连续重复出现，像是复制粘贴留下的。`,
        suggestion: '删去重复的部分，每句话写一个意思。',
        evidence: phrase,
      });
    });
  },
};

/**
 * The repeated phrase, or null. Two neighbouring clauses that are nearly the same (their common beginning and
 * ending cover at least `similarity` of the longer one) are a repetition and the shorter clause is the phrase;
 * otherwise a phrase of at least `min` characters written twice in a row. Linear in the text's length.
 */
export function findRepeat(text: string, min: number, similarity = 0.75): string | null {
  return similarClauses(text, min, similarity) ?? doubledPhrase(text, min);
}

function similarClauses(text: string, min: number, similarity: number): string | null {
  if (!CLAUSE_END.test(text)) return null;
  const clauses = text
    .split(CLAUSE_END)
    .map((c) => c.trim())
    .filter(Boolean);
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

/**
 * `XX` with |X| ≥ min and no clause break inside: every such doubling makes the `min`-character window at i equal
 * the one at i + |X|. Windows are compared by a rolling hash; only equal hashes are checked character by character.
 */
function doubledPhrase(text: string, min: number): string | null {
  const n = text.length;
  if (n < 2 * min) return null;
  const B = 31;
  let power = 1;
  for (let k = 1; k < min; k++) power = Math.imul(power, B);
  const seen = new Map<number, number[]>();
  let hash = 0;
  for (let i = 0; i < n; i++) {
    if (i >= min) hash = (hash - Math.imul(text.charCodeAt(i - min), power)) | 0;
    hash = (Math.imul(hash, B) + text.charCodeAt(i)) | 0;
    if (i < min - 1) continue;
    const start = i - min + 1;
    const earlier = seen.get(hash);
    if (earlier) {
      for (const j of earlier) {
        const d = start - j;
        if (d >= min && j + 2 * d <= n && !hasBreak(text, j, j + d) && text.startsWith(text.slice(j, j + d), j + d)) return text.slice(j, j + d);
      }
      earlier.push(start);
    } else seen.set(hash, [start]);
  }
  return null;
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_END.test(text[i]!) || text[i] === ' ') return true;
  return false;
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
