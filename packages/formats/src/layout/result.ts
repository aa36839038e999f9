import type { ReadError } from '../errors';
import type { Layout } from './model';

/** What a format adapter gives: a Layout, or a refusal that names the file (never a thrown exception). */
export type LayoutResult = { ok: true; layout: Layout } | { ok: false; error: ReadError };
