/**
 * The compact indicator cell of the official project tables (seed 002): all of a project's indicators in one cell,
 * `1、1-产出指标; 11-数量指标; 名称; 实施周期指标值:…; 年度指标值:…。2、…`. Separators vary (`;` `；` `:` `：`),
 * a cell may be cut off after 实施周期指标值. Levels are kept as written, even when 一级 and 二级 disagree.
 */
import { cleanName } from './values';
import { inferDirection, parseTarget, splitLevel, type Indicator } from '@jixiao/core';

export interface CompactIndicators {
  indicators: Indicator[];
  /** Items that could not be read or were incomplete, with the reason. */
  issues: Array<{ no: number; text: string; reason: 'no-name' | 'no-annual-target' | 'no-targets' }>;
}

/** Each item starts with `N、` followed by a level code `1-`, so 、 inside names (`信访、投诉`) is not a boundary. */
const ITEM_START = /(\d{1,3})\s*、\s*(?=\d{1,2}\s*[-－—])/g;
const PERIOD = /实施周期指标值\s*[:：]?/;
const ANNUAL = /年度指标值\s*[:：]?/;

export function looksLikeCompactIndicators(text: string): boolean {
  return /\d\s*、\s*\d{1,2}\s*[-－—]/.test(text) && (PERIOD.test(text) || ANNUAL.test(text));
}

export function parseCompactIndicators(cell: string): CompactIndicators {
  const text = cell.replace(/\r?\n/g, ' ');
  const starts: Array<{ no: number; at: number; body: number }> = [];
  for (const m of text.matchAll(ITEM_START)) starts.push({ no: Number(m[1]), at: m.index ?? 0, body: (m.index ?? 0) + m[0].length });
  const indicators: Indicator[] = [];
  const issues: CompactIndicators['issues'] = [];
  starts.forEach((s, i) => {
    const body = text.slice(s.body, starts[i + 1]?.at ?? text.length);
    const item = parseItem(body);
    if (!item.name) {
      issues.push({ no: s.no, text: body.trim(), reason: 'no-name' });
      return;
    }
    if (!item.period && !item.annual) issues.push({ no: s.no, text: body.trim(), reason: 'no-targets' });
    else if (item.period && !item.annual) issues.push({ no: s.no, text: body.trim(), reason: 'no-annual-target' });
    const periodTarget = parseTarget(item.period);
    const annualTarget = parseTarget(item.annual);
    indicators.push({
      no: s.no,
      level1: item.level1?.name ?? null,
      level1Code: item.level1?.code ?? null,
      level2: item.level2?.name ?? null,
      level2Code: item.level2?.code ?? null,
      name: item.name,
      periodTarget,
      annualTarget,
      direction: inferDirection(item.name, annualTarget ?? periodTarget),
    });
  });
  return { indicators, issues };
}

function parseItem(body: string): {
  level1: { code: string | null; name: string } | null;
  level2: { code: string | null; name: string } | null;
  name: string | null;
  period: string | null;
  annual: string | null;
} {
  const p = PERIOD.exec(body);
  const a = ANNUAL.exec(body);
  const firstTarget = Math.min(p?.index ?? body.length, a?.index ?? body.length);
  const head = body.slice(0, firstTarget);
  let period: string | null = null;
  let annual: string | null = null;
  if (p) period = body.slice(p.index + p[0].length, a && a.index > p.index ? a.index : body.length);
  if (a) annual = body.slice(a.index + a[0].length, p && p.index > a.index ? p.index : body.length);

  // Head: `1-产出指标; 11-数量指标; 名称;` — levels are the leading `N-…` parts, the rest is the name.
  const parts = head.split(/[;；:：]/).map((x) => x.trim()).filter((x) => x !== '');
  let level1: { code: string | null; name: string } | null = null;
  let level2: { code: string | null; name: string } | null = null;
  if (parts[0] && /^\d\s*[-－—]/.test(parts[0])) level1 = splitLevel(parts.shift() ?? '');
  if (parts[0] && /^\d{2}\s*[-－—]/.test(parts[0])) level2 = splitLevel(parts.shift() ?? '');
  const name = cleanName(parts.join('；'));
  return { level1, level2, name, period: cleanTarget(period), annual: cleanTarget(annual) };
}

function cleanTarget(t: string | null): string | null {
  if (t == null) return null;
  const out = t.replace(/^[\s;；:：,，]+|[\s;；:：,，。.]+$/g, '').trim();
  return out === '' ? null : out;
}
