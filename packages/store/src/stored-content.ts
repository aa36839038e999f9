/**
 * How a version's interchange document is kept in `document_versions.content` (a `json` column): as
 * `{"gzip":"<base64 of the gzipped JSON text>"}`. A 10,000-project document is ≈16 MB of JSON, and handing that
 * to the database was the largest single cost of an import (≈0.8 s on PGlite: passing the parameter, validating
 * the JSON, then TOAST compressing it again in WASM); gzipped by node's zlib it is ≈0.8 MB in ≈50 ms, before the
 * transaction opens. Versions stored earlier hold the document itself and are read as they are.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PerformanceDocument } from '@jixiao/core';

interface Packed {
  gzip: string;
}

function isPacked(value: unknown): value is Packed {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as Packed).gzip === 'string';
}

/** The JSON text to store for a document serialised as `json`; level 1 because the speed matters more than the last bytes. */
export function packContent(json: string): string {
  return JSON.stringify({ gzip: gzipSync(json, { level: 1 }).toString('base64') } satisfies Packed);
}

/** The document from the column's value (either driver may hand back the json as text or already parsed). */
export function unpackContent(value: unknown): PerformanceDocument {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (isPacked(parsed)) return JSON.parse(gunzipSync(Buffer.from(parsed.gzip, 'base64')).toString('utf8')) as PerformanceDocument;
  return parsed as PerformanceDocument;
}
