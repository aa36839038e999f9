/** Prints benchmark rows as an aligned table (CJK characters count double in a terminal). */
export interface BenchRow {
  benchmark: string;
  result: string;
  goal: string;
  verdict: string;
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function printTable(rows: BenchRow[]): void {
  const headers: BenchRow = { benchmark: 'benchmark', result: 'result', goal: 'goal', verdict: 'verdict' };
  const keys = Object.keys(headers) as Array<keyof BenchRow>;
  const widths = keys.map((k) => Math.max(width(headers[k]), ...rows.map((r) => width(r[k]))));
  const line = (r: BenchRow) => `| ${keys.map((k, i) => pad(r[k], widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

export const fmtRate = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en-US')}/s`;
export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Runs fn once to warm up, then `runs` times; returns the median in ms. */
export async function timeIt(fn: () => unknown | Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
