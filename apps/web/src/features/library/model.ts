import type { LibraryIndicatorDto } from '@jixiao/contract';

/** 「中位数 95（四分位 90–100，最小 80，最大 100）」; one value alone; 「—」 without numeric targets. */
export function spreadText(e: Pick<LibraryIndicatorDto, 'valued' | 'min' | 'p25' | 'median' | 'p75' | 'max' | 'unit'>): string {
  if (e.valued === 0 || e.median === null) return '—';
  const u = e.unit ?? '';
  if (e.min === e.max) return `${e.median}${u}`;
  return `中位数 ${e.median}${u}（四分位 ${e.p25}–${e.p75}，最小 ${e.min}，最大 ${e.max}）`;
}
