/**
 * Object ids as they cross the wire (issue 9 item 1). An id is a canonical positive integer: ASCII digits, no sign,
 * no leading zero, no decimal point, no spaces, no percent-encoding, within the safe-integer range. The access
 * policy and the route read an id with this one function, so the id that was checked is the id that is used:
 * `+6`, `06`, `6.0`, `6 ` or `6\0` name nothing (before, the policy saw "not a number" and let the route's
 * `z.coerce.number()` turn `+6` into 6, another department's document).
 */
import { z } from 'zod';

const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/** The id written in `raw`, or undefined when `raw` is not exactly a canonical positive integer. */
export function parseCanonicalId(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
  if (typeof raw !== 'string' || !CANONICAL_ID.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** A path or query id in canonical form (see `parseCanonicalId`), as a number. */
export const canonicalIdSchema = z
  .string()
  .refine((raw) => parseCanonicalId(raw) !== undefined, { message: '编号必须是正整数（只含数字，不以 0 开头）' })
  .transform((raw) => Number(raw));
