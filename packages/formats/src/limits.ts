/**
 * Limits on what a reader accepts, so a hostile or broken file cannot take the machine's memory.
 * They are generous for real documents: the largest district workbook we know of is a few MB.
 */
export interface ReadLimits {
  /** Largest text file (bytes). The benchmark parses 10 MB of text, so this is well above it. */
  maxTextBytes: number;
  /** Largest .xlsx file on disk (bytes). */
  maxWorkbookBytes: number;
  /** Largest total uncompressed size of the entries of an .xlsx (bytes). */
  maxWorkbookUncompressedBytes: number;
  /** Largest compression ratio of one entry; a higher one is a zip bomb. */
  maxCompressionRatio: number;
  /** Most entries in an .xlsx. */
  maxWorkbookEntries: number;
  /** Most rows read from one sheet. */
  maxRowsPerSheet: number;
  /** Highest column a sheet may use (1024 = AMJ): readers walk rows × columns, so a stray cell far right is refused. */
  maxColumnsPerSheet: number;
  /** Most cells in a sheet's used range (rows × used columns), the grid the readers walk. */
  maxSheetArea: number;
  /** Largest JSON file (bytes). */
  maxJsonBytes: number;
  /** Most worksheets in one .xlsx. */
  maxSheets: number;
  /** Most cells (all sheets together) loaded from one .xlsx: bounds the memory the Excel library may use. */
  maxWorkbookCells: number;
  /** Entries smaller than this (uncompressed bytes) are not held to `maxCompressionRatio`: tiny XML parts compress very well. */
  compressionRatioMinBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxTextBytes: 64 * 1024 * 1024,
  maxWorkbookBytes: 50 * 1024 * 1024,
  maxWorkbookUncompressedBytes: 400 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxWorkbookEntries: 2_000,
  maxRowsPerSheet: 200_000,
  maxColumnsPerSheet: 1024,
  maxSheetArea: 4_000_000,
  maxJsonBytes: 64 * 1024 * 1024,
  maxSheets: 100,
  maxWorkbookCells: 3_000_000,
  compressionRatioMinBytes: 1024 * 1024,
};
