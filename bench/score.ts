import { NATIONAL_PROJECT_SELF_EVALUATION, scoreIndicator, type Indicator } from '@jixiao/core';
import { generateIndicator, rng } from './generate';
import { fmtMs, fmtRate, timeIt, type BenchRow } from './table';

/** Issue 4: score 1,000,000 indicators; goal ≥ 1,000,000 per second. */
export async function benchScore(): Promise<BenchRow[]> {
  const rand = rng(7);
  const indicators: Indicator[] = Array.from({ length: 1_000_000 }, (_, i) => generateIndicator(rand, (i % 5) + 1, true));
  const settings = NATIONAL_PROJECT_SELF_EVALUATION.settings;
  let total = 0;
  const ms = await timeIt(() => {
    total = 0;
    for (const indicator of indicators) total += scoreIndicator({ indicator, actual: indicator.actual ?? null, weight: 10, tier: indicator.actual ? null : 'partly' }, settings).score ?? 0;
  }, 3);
  const rate = 1_000_000 / (ms / 1000);
  return [
    {
      benchmark: 'score 1,000,000 indicators (with reasons)',
      result: `${fmtMs(ms)} → ${fmtRate(rate)} (Σ ${Math.round(total).toLocaleString('en-US')})`,
      goal: '≥ 1,000,000/s',
      verdict: rate >= 1_000_000 ? 'met' : 'MISSED',
    },
  ];
}
