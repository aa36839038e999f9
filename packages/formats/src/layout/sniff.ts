/**
 * What a file is, by its bytes, not its name: a `.txt` that is really a PDF, or a `.xlsx` that is really a .docx,
 * is read as what it is. Only the zip directory and `[Content_Types].xml` are looked at; nothing else is inflated.
 */
import { DEFAULT_LIMITS } from '../limits';
import { isOleCompoundFile } from '../xlsx/zip-directory';
import { readZipParts } from './zip-part';

/** 'ole': a legacy compound file (.doc, .xls, .wps, .et, or an encrypted OOXML); 'zip': a zip that is neither Word nor Excel. */
export type SniffedFormat = 'pdf' | 'docx' | 'xlsx' | 'ole' | 'zip' | 'text';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // A PDF may carry junk before its header (readers accept it within the first 1024 bytes).
  if (findMagic(bytes, PDF_MAGIC, 1024) >= 0) return 'pdf';
  if (isOleCompoundFile(bytes)) return 'ole';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const zip = readZipParts(bytes, ['[Content_Types].xml'], DEFAULT_LIMITS);
    if (!zip.ok) return 'zip';
    const types = zip.parts.get('[Content_Types].xml') ?? '';
    if (types.includes('wordprocessingml')) return 'docx';
    if (types.includes('spreadsheetml')) return 'xlsx';
    // No content types (a hand-made zip): the main part's path still tells.
    if (zip.names.includes('word/document.xml')) return 'docx';
    if (zip.names.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  return 'text';
}

function findMagic(bytes: Uint8Array, magic: number[], within: number): number {
  const stop = Math.min(bytes.length - magic.length, within);
  for (let i = 0; i <= stop; i++) {
    if (magic.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}
