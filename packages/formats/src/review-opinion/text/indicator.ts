/**
 * One department-wide indicator as the document states it. Seed 000 writes levels as names only (`产出指标`,
 * `数量指标`), so the codes stay null; the target is read by R1 and kept as written when it cannot be read.
 */
import { inferDirection, parseTarget, type Indicator } from '@jixiao/core';

export function buildIndicator(
  no: number,
  level1: string | null,
  level2: string | null,
  name: string | null,
  explanation: string | null,
  formula: string | null,
  target: string | null,
): Indicator {
  const annualTarget = parseTarget(target);
  const indicatorName = name ?? `（第 ${no} 个指标名称缺失）`;
  return {
    no,
    level1,
    level1Code: null,
    level2,
    level2Code: null,
    name: indicatorName,
    periodTarget: null,
    annualTarget,
    direction: inferDirection(indicatorName, annualTarget),
    explanation,
    formula,
  };
}

/** A target cell is short (`≥2场`, `称职或以上`); a long one means two cells ran together. */
export function looksLikeTarget(text: string | null): boolean {
  return text !== null && text.replace(/\s+/g, '').length <= 20;
}
