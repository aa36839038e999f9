/**
 * What a workflow rule answers: the next state, or a refusal as a value (architecture habit 3) with a code the edges
 * map to a status and a Chinese message that names the current state, who may act and what to do.
 */
import { ROLE_LABELS, type Role } from '../access/actor';

/** FORBIDDEN: this person may not do it; CONFLICT: not in this state (or locked); BAD_INPUT: something is missing. */
export type RefusalCode = 'FORBIDDEN' | 'CONFLICT' | 'BAD_INPUT';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

/** 「单位填报人或单位负责人」 */
export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('或');
}

/** A reason the person typed: trimmed, null when empty. */
export function cleanReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  return text === '' ? null : text;
}

/** `YYYY-MM-DD HH:MM[:SS]` in Beijing time: China keeps UTC+8 all year (no daylight saving), so plain arithmetic is exact. */
function beijing(iso: string | null | undefined, length: 16 | 19): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, length).replace('T', ' ');
}

/** An ISO 8601 instant as people here read it in a message: Beijing time, `2024-07-31 14:05`; anything unreadable as it came. */
export const chinaTime = (iso: string | null | undefined): string => beijing(iso, 16);

/** As `chinaTime`, to the second (the audit trail's export, where two entries a second apart must stay apart). */
export const chinaTimeToSecond = (iso: string | null | undefined): string => beijing(iso, 19);
