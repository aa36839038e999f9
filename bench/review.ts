import { NATIONAL_TARGET_REVIEW, runChecks } from '@jixiao/core';
import { generateDocument } from './generate';
import { fmtMs, fmtRate, timeIt, type BenchRow } from './table';

/** Issue 3: review 1,000,000 generated indicators; goal ≥ 100,000 indicators per second on one core. */
export async function benchReview(): Promise<BenchRow[]> {
  const doc = generateDocument(200_000, 5);
  let findings = 0;
  const ms = await timeIt(() => {
    findings = runChecks(doc, NATIONAL_TARGET_REVIEW).length;
  }, 1);
  const rate = 1_000_000 / (ms / 1000);
  return [
    {
      benchmark: 'review 1,000,000 indicators (200,000 projects)',
      result: `${fmtMs(ms)} → ${fmtRate(rate)}, ${findings.toLocaleString('en-US')} findings`,
      goal: '≥ 100,000/s',
      verdict: rate >= 100_000 ? 'met' : 'MISSED',
    },
  ];
}
