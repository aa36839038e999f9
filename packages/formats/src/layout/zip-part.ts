/**
 * Reads named parts of an OOXML package (.docx) through the same zip directory reader the workbook guard uses,
 * held to the same limits (entry count, total size, compression ratio, declared sizes). The workbook guard inflates
 * every part of an .xlsx and insists on xl/workbook.xml, so a Word package needs this narrower gate: only the parts
 * asked for are inflated. Never throws: every failure is a reason the caller turns into a ReadError.
 */
import type { ReadLimits } from '../limits';
import { inflateZipEntry, readZipDirectory } from '../xlsx/zip-directory';

export type ZipFailure = 'not-zip' | 'ole' | 'truncated' | 'zip64' | 'corrupt' | 'encrypted' | 'too-many-entries' | 'too-large' | 'bomb' | 'missing';

export type ZipParts = { ok: true; names: string[]; parts: Map<string, string> } | { ok: false; reason: ZipFailure; part?: string };

export function readZipParts(bytes: Uint8Array, wanted: readonly string[], limits: ReadLimits): ZipParts {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return { ok: false, reason: dir.reason };
  if (dir.entries.length > limits.maxWorkbookEntries) return { ok: false, reason: 'too-many-entries' };
  let total = 0;
  for (const e of dir.entries) total += e.uncompressedSize;
  if (total > limits.maxWorkbookUncompressedBytes) return { ok: false, reason: 'too-large' };
  const byName = new Map(dir.entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const parts = new Map<string, string>();
  for (const name of wanted) {
    const e = byName.get(name);
    if (!e) continue;
    if ((e.flags & 1) === 1) return { ok: false, reason: 'encrypted', part: name };
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) return { ok: false, reason: 'bomb', part: name };
    const data = inflateZipEntry(bytes, e);
    if (typeof data === 'string') return { ok: false, reason: data === 'oversize' ? 'bomb' : data, part: name };
    parts.set(name, data.toString('utf8'));
  }
  return { ok: true, names: [...byName.keys()], parts };
}

