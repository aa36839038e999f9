import type { ReadError } from '../errors';
import type { Layout } from './model';
import type { SniffedFormat } from './sniff';

/**
 * What a format adapter gives: a Layout, or a refusal that names the file (never a thrown exception).
 * `sniffed`: what readLayout found the bytes to be (set by readLayout, not by the adapters), so the caller can say
 * when the name says otherwise (a `.txt` that is really a PDF).
 */
export type LayoutResult = { ok: true; layout: Layout; sniffed?: SniffedFormat } | { ok: false; error: ReadError };
