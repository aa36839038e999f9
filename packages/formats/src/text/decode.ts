/**
 * Bytes of a text file → string. Extracted text arrives as UTF-8 (with or without BOM), UTF-16 (Word's "Unicode
 * text") or GB18030 (older Windows tools). A file with NUL bytes or many control characters is binary and refused.
 */
import { normalizeExtractedText } from '@jixiao/core';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; truncatedTail: boolean }
  | { ok: false; reason: 'binary' | 'undecodable' };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (looksBinary(body)) return { ok: false, reason: 'binary' };
  const utf8 = tryUtf8(body);
  if (utf8 !== null) return decoded(utf8.text, 'utf-8', utf8.truncatedTail);
  try {
    const gb = new TextDecoder('gb18030', { fatal: true }).decode(body);
    return decoded(gb, 'gb18030');
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}

function decoded(text: string, encoding: string, truncatedTail = false): DecodeResult {
  return { ok: true, text: normalizeExtractedText(text), encoding, truncatedTail };
}

/** UTF-8, allowing only an incomplete character at the very end (a file cut off mid-character). */
function tryUtf8(body: Uint8Array): { text: string; truncatedTail: boolean } | null {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: fatal.decode(body), truncatedTail: false };
  } catch {
    for (let cut = 1; cut <= 3 && cut < body.length; cut++) {
      try {
        return { text: fatal.decode(body.subarray(0, body.length - cut)), truncatedTail: true };
      } catch {
        // try a shorter prefix
      }
    }
    return null;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}
