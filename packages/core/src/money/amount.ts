/**
 * Money and rates without floating-point sums. Documents state amounts as decimals in 万元 or 元; we carry them as
 * numbers exactly as printed (the interchange format does), and every sum or ratio goes through integer fen.
 * 1 万元 = 1,000,000 fen, so a 万元 figure with up to six decimals is exact. See docs/decisions/002-money.md.
 */
import type { AmountUnit } from '../document/model';

const FEN_PER_UNIT: Record<AmountUnit, bigint> = { 万元: 1_000_000n, 元: 100n };

/** Splits the shortest decimal representation of a number into digits and scale: 3986.34 → (398634n, 2). */
function decimalParts(value: number): { digits: bigint; scale: number } {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const text = value.toString();
  if (/e/i.test(text)) {
    // Very small or very large numbers: fall back to fixed notation with enough places for fen.
    return decimalParts(Number(value.toFixed(8)));
  }
  const negative = text.startsWith('-');
  const [intPart = '0', fracPart = ''] = text.replace('-', '').split('.');
  const digits = BigInt(intPart + fracPart) * (negative ? -1n : 1n);
  return { digits, scale: fracPart.length };
}

/** Converts an amount in `unit` to integer fen, rounding half away from zero beyond a fen. */
export function toFen(value: number, unit: AmountUnit): bigint {
  const { digits, scale } = decimalParts(value);
  const factor = FEN_PER_UNIT[unit];
  const scaledFactor = 10n ** BigInt(scale);
  const numerator = digits * factor;
  return divRoundHalfUp(numerator, scaledFactor);
}

/** Converts integer fen back to an amount in `unit` (for output only). */
export function fromFen(fen: bigint, unit: AmountUnit): number {
  const factor = FEN_PER_UNIT[unit];
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / factor;
  const frac = (abs % factor).toString().padStart(factor.toString().length - 1, '0').replace(/0+$/, '');
  return Number(`${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`);
}

/** Sums amounts exactly; null entries are skipped. Returns null when every entry is null. */
export function sumAmounts(values: ReadonlyArray<number | null | undefined>, unit: AmountUnit): number | null {
  let total = 0n;
  let any = false;
  for (const v of values) {
    if (v == null) continue;
    total += toFen(v, unit);
    any = true;
  }
  return any ? fromFen(total, unit) : null;
}

/** Exact equality of two amounts to the fen. */
export function amountsEqual(a: number, b: number, unit: AmountUnit): boolean {
  return toFen(a, unit) === toFen(b, unit);
}

/** Integer division rounding half away from zero. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * `numerator / denominator × 100`, rounded half-up to `places` decimals, computed exactly from the amounts.
 * Returns null when the denominator is zero (a rate that is not defined is shown as "—", never as 0.00%).
 */
export function percentOf(numerator: number, denominator: number, unit: AmountUnit, places = 2): number | null {
  const d = toFen(denominator, unit);
  if (d === 0n) return null;
  const n = toFen(numerator, unit);
  const scale = 10n ** BigInt(places);
  const scaled = divRoundHalfUp(n * 100n * scale, d);
  return Number(scaled) / Number(scale);
}

/** Formats an amount with thousands separators and two decimals, as official tables print it: 3986.34 → "3,986.34". */
export function formatAmount(value: number | null | undefined, places = 2): string {
  if (value == null) return '—';
  const fixed = roundHalfUp(value, places).toFixed(places);
  const [i = '0', f] = fixed.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f ? `${grouped}.${f}` : grouped;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * Rounds half-up (away from zero) to `places` decimals, correcting binary artefacts such as 1.005 → 1.00:
 * the value is first taken to its shortest decimal representation, then rounded as a decimal.
 */
export function roundHalfUp(value: number, places = 2): number {
  if (!Number.isFinite(value)) return value;
  if (places <= 6 && Math.abs(value) < 1e7) {
    // Fast path for scores and rates. The binary error of a value below 1e7 is far below 1e-6 of the last kept
    // digit, while a decimal input with up to six places more than kept is at least 1e-6 away from a half: adding
    // that margin rounds 1.005 (stored as 1.00499999…) up, as a person would, without going through strings.
    const factor = POW10[places]!;
    const scaled = Math.abs(value) * factor;
    const rounded = Math.floor(scaled + 0.5 + 1e-6) / factor;
    return value < 0 && rounded !== 0 ? -rounded : rounded;
  }
  const { digits, scale } = decimalParts(Number(value.toPrecision(15)));
  if (scale <= places) return value;
  const rounded = divRoundHalfUp(digits, 10n ** BigInt(scale - places));
  return Number(rounded) / 10 ** places;
}
