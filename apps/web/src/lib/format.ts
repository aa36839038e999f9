import { formatAmount, roundHalfUp } from '@jixiao/core';

type AmountUnit = '万元' | '元';

/** Amounts are shown in 万元, as budget tables print them; amounts stored in 元 are converted for display only. */
export function toWanYuan(value: number | null | undefined, unit: AmountUnit): number | null {
  if (value == null) return null;
  return unit === '元' ? roundHalfUp(value / 10_000, 6) : value;
}

export function formatWan(value: number | null | undefined, unit: AmountUnit = '万元'): string {
  return formatAmount(toWanYuan(value, unit));
}

export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}

/** `广州市荔湾区人民政府花地街道办事处` → `花地街道办事处`: the part people say, for narrow table cells (full name on hover). */
export function shortOrgName(name: string): string {
  const short = name.replace(/^[^市]{2,4}市[^区县]{1,4}[区县](人民政府)?/, '');
  return short.length >= 2 ? short : name;
}
