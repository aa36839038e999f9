/**
 * 佐证材料 are accepted by what they are, not by what they are called (issue 14 item 3): the bytes are sniffed
 * (PDF header, PNG and JPEG signatures, the zip's content types for .docx/.xlsx, the compound file's streams for
 * .doc/.xls) and must agree with the extension. A `.pdf` that is really a Word file, or a renamed `.exe`, is refused
 * with a message naming the file and what it really is.
 */
import { claimedEvidenceType, EVIDENCE_LIMITS, EVIDENCE_TYPES, EVIDENCE_TYPES_TEXT, type EvidenceType } from '@jixiao/core';
import { sha256Hex } from '../hash';
import { sniffFormat } from '../layout/sniff';

export type EvidenceCheck = { ok: true; type: EvidenceType; mediaType: string; sha256: string; size: number } | { ok: false; message: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** A UTF-16LE stream name inside an OLE compound file's directory. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** What the bytes are, as an evidence type; null for anything not accepted (text, a plain zip, an executable…). */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  const format = sniffFormat(bytes);
  switch (format) {
    case 'pdf':
    case 'docx':
    case 'xlsx':
      return format;
    case 'ole':
      if (hasStreamName(bytes, 'WordDocument')) return 'doc';
      if (hasStreamName(bytes, 'Workbook') || hasStreamName(bytes, 'Book')) return 'xls';
      return null;
    default:
      return null;
  }
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function checkEvidenceFile(file: { fileName: string; bytes: Uint8Array }, limits: { maxFileBytes: number } = EVIDENCE_LIMITS): EvidenceCheck {
  const name = `「${file.fileName}」`;
  if (file.bytes.byteLength === 0) return { ok: false, message: `文件${name}是空的，请重新选择。` };
  if (file.bytes.byteLength > limits.maxFileBytes) return { ok: false, message: `文件${name}有 ${megabytes(file.bytes.byteLength)}，超过了 ${megabytes(limits.maxFileBytes)} 的上限，请压缩或拆分后上传。` };
  const claimed = claimedEvidenceType(file.fileName);
  if (claimed === null) return { ok: false, message: `文件${name}的类型不能作为佐证材料：只接受 ${EVIDENCE_TYPES_TEXT}。` };
  const actual = sniffEvidenceType(file.bytes);
  // .jpg and .jpeg are one type; everything else must be exactly what it says.
  if (actual !== claimed) {
    const what = actual === null ? '不是可接受的文件（内容无法识别为 ' + EVIDENCE_TYPES_TEXT + ' 中的任何一种）' : `实际是${EVIDENCE_TYPES[actual].label}`;
    return { ok: false, message: `文件${name}的扩展名是 ${EVIDENCE_TYPES[claimed].label}，但内容${what}。请上传真实的 ${EVIDENCE_TYPES[claimed].label} 文件，或改正扩展名。` };
  }
  return { ok: true, type: actual, mediaType: EVIDENCE_TYPES[actual].mediaType, sha256: sha256Hex(file.bytes), size: file.bytes.byteLength };
}
