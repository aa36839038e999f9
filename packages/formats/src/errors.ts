/**
 * Why a file was refused. Every refusal names the file and says, in Chinese then English, what was expected —
 * the CLI prints `message` as its one line on stderr and exits 2.
 */
export type ReadErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'truncated'
  | 'unsupported-type'
  | 'unknown-layout'
  /** The kind of document was recognised, but no project, no indicator and no figure could be read from it. */
  | 'nothing-read'
  /** A scanned PDF (images, no text layer), a legacy format without LibreOffice, an encrypted file. */
  | 'cannot-convert'
  | 'invalid-json'
  | 'invalid-workbook'
  | 'unsafe-workbook'
  /** The reader failed unexpectedly (a bug or an input it was not built for): refused, never thrown. */
  | 'reader-failed'
  /** Reading took longer than the time limit (reading in a worker). */
  | 'timeout'
  /** Reading needed more memory than the limit (reading in a worker). */
  | 'out-of-memory';

export interface ReadError {
  code: ReadErrorCode;
  file: string;
  message: string;
}

export function readError(code: ReadErrorCode, file: string, zh: string, en: string): ReadError {
  return { code, file, message: `${file}: ${zh} (${en})` };
}
