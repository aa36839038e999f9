/**
 * Reads a zip file's central directory by hand, without inflating anything, so that a workbook can be judged
 * (size, entry count, compression ratio, encryption, truncation) before any library loads it into memory.
 * Only what an .xlsx needs is understood: stored and deflated entries, no zip64, no multi-disk archives.
 * `inflateZipEntry` then inflates one entry, held to its declared size (the workbook guard and the .docx reader).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'not-zip' | 'ole' | 'truncated' | 'zip64' | 'corrupt' };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** The OLE2 compound-file signature: old .xls files, and .xlsx files encrypted with a password. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (isOleCompoundFile(bytes)) return { ok: false, reason: 'ole' };
  const startsLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: startsLikeZip ? 'truncated' : 'not-zip' };
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (disk !== 0 || cdDisk !== 0) return { ok: false, reason: 'corrupt' };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: startsLikeZip ? 'truncated' : 'corrupt' };

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CDH_SIG) return { ok: false, reason: 'corrupt' };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
    if (p + 46 + nameLen > eocd) return { ok: false, reason: 'corrupt' };
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed data starts, or -1 when its local header is missing or runs past the file. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LFH_SIG) return -1;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  return start + entry.compressedSize > bytes.length ? -1 : start;
}

function findEocd(view: DataView): number {
  const len = view.byteLength;
  if (len < EOCD_MIN) return -1;
  const stop = Math.max(0, len - EOCD_MIN - MAX_COMMENT);
  for (let p = len - EOCD_MIN; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD_SIG && p + EOCD_MIN + view.getUint16(p + 20, true) === len) return p;
  }
  return -1;
}

/**
 * The data of one entry, inflated and held to its declared size: 'oversize' when it inflates further (a zip bomb
 * that lied about its size), 'truncated' when its data runs past the file, 'corrupt' otherwise. Never throws.
 */
export function inflateZipEntry(bytes: Uint8Array, e: ZipEntry): Buffer | 'truncated' | 'oversize' | 'corrupt' {
  const start = entryDataOffset(bytes, e);
  if (start < 0) return 'truncated';
  const raw = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return e.compressedSize === e.uncompressedSize ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : 'corrupt';
  if (e.method !== 8) return 'corrupt';
  try {
    // One byte more than declared: an entry that inflates further lied about its size.
    const out = inflateRawSync(raw, { maxOutputLength: e.uncompressedSize + 1 });
    if (out.length > e.uncompressedSize) return 'oversize';
    return out.length === e.uncompressedSize ? out : 'corrupt';
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'oversize' : 'corrupt';
  }
}
