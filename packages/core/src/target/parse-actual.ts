/**
 * Actual values (实际完成值) as written: `95%`, `6次`, `年中和年末均达良好`. Only a plain number with a unit is read
 * as a number; anything else keeps its words and has value null.
 */
import type { ActualValue } from '../document/model';
import { parseTarget } from './parse-target';

export function parseActual(raw: string | null | undefined): ActualValue | null {
  const t = parseTarget(raw);
  if (!t) return null;
  if (t.kind === 'quantitative' && (t.op === '=' || t.op === '>=')) return { text: t.text, op: null, value: t.value, unit: t.unit };
  return { text: t.text, op: null, value: null, unit: null };
}
