/**
 * R1: target values as written (`≥90%`, `不少于1场`, `≦2个小时`, `16小时/天`, `提升`) into {op, value, unit}.
 * A text without a number is qualitative and keeps its words; a text with a number that does not fit the grammar
 * `[operator] number [unit] [以上|以下]` is `unparseable` and is kept as written — never guessed.
 */
import type { Direction, Target, TargetOp } from '../document/model';
import { normalizeExtractedText, toHalfWidthAlnum, trimChars } from '../text/clean';
import { DEFAULT_TARGET_WORDS, type TargetWords } from './words';

const NUMBER = /^(\d+(?:,\d{3})*(?:\.\d+)?)/;
/** A unit is short and has no digits: `%`, `次`, `人次`, `小时/天`, `万元`, `平方米`. */
const UNIT = /^[^\d\s]{1,8}$/;

/** Cleans a target cell for parsing: extraction spaces, full-width digits, trailing sentence punctuation. */
export function normalizeTargetText(text: string): string {
  // Trimmed by hand: `[…]+$` is quadratic on a long run of dots.
  const spaced = toHalfWidthAlnum(normalizeExtractedText(text)).replace(/\s+/g, ' ').trim();
  const start = trimChars(spaced, (ch) => '。；;，,、:：'.includes(ch), 'start');
  return trimChars(start, (ch) => '。；;，,、:：.'.includes(ch), 'end').trim();
}

/** Parses one target value. Returns null for an empty cell (a missing target is null, not an empty object). */
export function parseTarget(raw: string | null | undefined, words: TargetWords = DEFAULT_TARGET_WORDS): Target | null {
  if (raw == null) return null;
  const text = normalizeTargetText(raw);
  if (text === '' || /^[-—–/\\无]+$/.test(text)) return null;
  const compact = text.replace(/\s+/g, '');
  if (!/\d/.test(compact)) return { text, op: null, value: null, unit: null, kind: 'qualitative' };
  return readQuantity(text, compact, words) ?? { text, op: null, value: null, unit: null, kind: 'unparseable' };
}

function readQuantity(text: string, compact: string, words: TargetWords): Target | null {
  let rest = compact;
  let op: TargetOp | null = null;
  for (const [prefix, prefixOp] of words.operatorPrefixes) {
    if (rest.startsWith(prefix)) {
      op = prefixOp;
      rest = rest.slice(prefix.length);
      break;
    }
  }
  let per: string | null = null;
  for (const [prefix, period] of words.frequencyPrefixes) {
    if (rest.startsWith(prefix)) {
      per = period;
      rest = rest.slice(prefix.length);
      break;
    }
  }
  const num = NUMBER.exec(rest);
  if (!num || num[1] === undefined) return null;
  const value = Number(num[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  rest = rest.slice(num[1].length);
  for (const [suffix, suffixOp] of words.operatorSuffixes) {
    if (rest.endsWith(suffix)) {
      op ??= suffixOp;
      rest = rest.slice(0, -suffix.length);
      break;
    }
  }
  let unit: string | null = rest === '' ? null : rest;
  if (unit !== null) {
    for (const [alias, canonical] of words.unitAliases) unit = unit.replace(alias, canonical);
    if (!UNIT.test(unit)) return null;
  }
  if (per !== null) unit = `${unit ?? '次'}/${per}`;
  return { text, op: op ?? '=', value, unit, kind: 'quantitative' };
}

/**
 * Direction of an indicator (R1): ≥/> and bare numbers are higher-is-better, ≤/< lower-is-better; a bare number
 * is lower-is-better when the name says the thing is to be kept down (counts of bad events, rates to control).
 * Qualitative and unreadable targets have no direction.
 */
export function inferDirection(
  name: string,
  target: Target | null,
  words: TargetWords = DEFAULT_TARGET_WORDS,
): Direction | null {
  if (!target || target.kind !== 'quantitative' || target.op === null) return null;
  if (target.op === '>=' || target.op === '>') return 'higher';
  if (target.op === '<=' || target.op === '<') return 'lower';
  return isLowerIsBetterName(name, words) ? 'lower' : 'higher';
}

/** True when an indicator's name says its quantity is to be kept down (R1). */
export function isLowerIsBetterName(name: string, words: TargetWords = DEFAULT_TARGET_WORDS): boolean {
  const n = name.replace(/\s+/g, '');
  if (n.endsWith('率')) return words.lowerIsBetterRateSuffixes.some((s) => n.endsWith(s));
  return words.lowerIsBetterCountWords.some((w) => n.includes(w));
}

const OP_SYMBOL: Record<TargetOp, string> = { '>=': '≥', '>': '>', '=': '', '<=': '≤', '<': '<' };

/** Renders a target the way official tables print it: `≥90%`, `100%`, `≤2小时`, or the words of a qualitative one. */
export function formatTarget(target: Target | null): string {
  if (!target) return '';
  if (target.kind !== 'quantitative' || target.op === null || target.value === null) return target.text;
  return `${OP_SYMBOL[target.op]}${target.value}${target.unit ?? ''}`;
}
