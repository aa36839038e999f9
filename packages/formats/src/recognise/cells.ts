/** Reading one cell's value: no-value markers, guidance left in the form, amounts with their unit, rates. */
import { parseLooseNumber } from '@jixiao/core';
import type { Vocabulary } from './vocabulary';

/** The cell says nothing: empty, `—`, `/`, `*`, `……`, or the form's guidance text still in place. */
export function isNoValue(text: string, vocab: Vocabulary): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (vocab.noValue.has(t)) return true;
  return vocab.guidance.some((re) => re.test(t));
}

export function valueOf(text: string | undefined, vocab: Vocabulary): string | null {
  if (text === undefined) return null;
  return isNoValue(text, vocab) ? null : text.trim();
}

/** `3,309,840.00`, `20万元`, `65` → the number and the unit written in the cell (null when the cell names none). */
export function readAmount(text: string | null): { value: number; unit: '万元' | '元' | null } | null {
  if (text === null || text.length > 40) return null;
  const m = /^\s*(-?[\d,.\s]+?)\s*(万元|元)?\s*$/.exec(text.normalize('NFKC'));
  if (!m) return null;
  const value = parseLooseNumber(m[1]!);
  if (value === null) return null;
  return { value, unit: (m[2] as '万元' | '元' | undefined) ?? null };
}

/** `100.00%`, `86%`, `100` → 100, 86, 100. */
export function readRate(text: string | null): number | null {
  if (text === null || text.length > 40) return null;
  const m = /^\s*(-?[\d,.]+)\s*%?\s*$/.exec(text.normalize('NFKC'));
  return m ? parseLooseNumber(m[1]!) : null;
}

/** A score or a weight: `10`, `9.5`, `10分`. */
export function readPoints(text: string | null): number | null {
  if (text === null || text.length > 40) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** `51000021R000000019951-工资性支出` → code and name; `820001-井研县马踏镇人民政府` likewise. */
export function splitCodePrefix(text: string): { code: string | null; name: string } {
  const m = /^([0-9A-Z]{3,30})[-—－]\s*(.+)$/.exec(text.trim());
  return m ? { code: m[1]!, name: m[2]!.trim() } : { code: null, name: text.trim() };
}
