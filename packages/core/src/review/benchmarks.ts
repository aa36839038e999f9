/**
 * What comparable units set (issue 13 item 4, the 指标库 of decision 030): for an indicator name and the unit of its
 * target, the spread of the numeric annual targets in every department's approved targets. The review engine takes
 * them as an input (the store computes them, the browser receives them with the review), so the checks stay pure and
 * give the same findings on the server and in the browser.
 */

export interface TargetBenchmark {
  /** The indicator's name as written, and its target's unit ('%', '个', '' for none). */
  name: string;
  unit: string;
  /** How many approved targets have a numeric value, and in how many departments. */
  count: number;
  departments: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/** When a target is far from what others set; absent in rule sets stored before the check existed (it then skips). */
export interface TargetOutlierSettings {
  /** Fewest approved targets (and departments) before a spread says anything. */
  minSamples: number;
  minDepartments: number;
  /** Tukey's fences: below Q1 − k·IQR or above Q3 + k·IQR. */
  fenceFactor: number;
  /** …and at least this share of the median away from it, so a 99% among 100%s is not an outlier. */
  minRelativeGap: number;
}

/** Names compared as people write them: spaces and the full-/half-width forms of brackets do not matter. */
export function benchmarkKey(name: string, unit: string | null | undefined): string {
  return `${name.normalize('NFKC').replace(/\s+/g, '')}\u0000${(unit ?? '').normalize('NFKC').trim()}`;
}

export type BenchmarkIndex = ReadonlyMap<string, TargetBenchmark>;

export function indexBenchmarks(benchmarks: readonly TargetBenchmark[] = []): BenchmarkIndex {
  return new Map(benchmarks.map((b) => [benchmarkKey(b.name, b.unit), b]));
}

/** 'high' or 'low' when the value lies outside the benchmark's fences and far enough from its median; else null. */
export function outlierOf(value: number, b: TargetBenchmark, s: TargetOutlierSettings): 'high' | 'low' | null {
  if (b.count < s.minSamples || b.departments < s.minDepartments) return null;
  const iqr = b.p75 - b.p25;
  if (Math.abs(value - b.median) < s.minRelativeGap * Math.abs(b.median)) return null;
  if (value > b.p75 + s.fenceFactor * iqr) return 'high';
  if (value < b.p25 - s.fenceFactor * iqr) return 'low';
  return null;
}

/** A spread's number as people read it: at most two decimals, no trailing zeros. */
export const benchmarkNumber = (n: number): string => String(Number(n.toFixed(2)));
