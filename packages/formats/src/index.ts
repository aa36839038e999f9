// Reading: the one entry, its limits and errors, and the reading in a worker thread.
export { readDocument, type ReadInput, type ReadResult } from './read-document';
export { readError, type ReadError, type ReadErrorCode } from './errors';
export { DEFAULT_LIMITS, type ReadLimits } from './limits';
export { readDocumentInWorker, DEFAULT_READ_TIMEOUT_MS, DEFAULT_READ_MEMORY_MB, type WorkerReadOptions } from './read-in-worker';
export type { TextLayout, TextLayoutContext } from './text/layout';
export { TEXT_LAYOUTS, pickTextLayout } from './text/registry';
export { decodeText } from './text/decode';
export { sha256Hex } from './hash';

// The documents jixiao writes (and, where it has one, the document's own reader), one folder each.
export { writeProjectTargetsTemplate, writeDepartmentTargetsTemplate } from './templates';
export { writeReviewOpinion, type ReviewOpinionInput } from './review-opinion';
export { writeSelfEvaluationReport, type SelfEvaluationReportInput } from './self-evaluation-report';
export { writeDepartmentSelfEvaluationTable, type DepartmentSelfEvaluationTableInput } from './department-self-evaluation-table';
export { writeProjectSelfEvaluationTable, type ProjectSelfEvaluationTableInput } from './self-evaluation-table';
export {
  writeActualsWorkbook,
  readActualsWorkbook,
  formatWorkbookError,
  type ActualsWorkbookInput,
  type ActualsWorkbookIdentity,
  type WorkbookError,
  type ActualsWorkbookResult,
} from './actuals-workbook';
export { writeMonitoringTable, writeMonitoringTableDocx, type MonitoringTableInput } from './monitoring-table';
export { writeTargetTable, writeTargetTableDocx, type TargetTableInput, type TargetApproval } from './target-table';
export { writeApprovalNotice, type ApprovalNoticeInput } from './approval-notice';
export { chineseDate } from './docx/chinese-date';
export { writeResultsUseTable, type ResultsUseTableInput, type ResultsUseTableRow } from './results-use-table';
export { writeTableWorkbook, type TableWorkbookInput } from './xlsx/write-table';
export { checkEvidenceFile, sniffEvidenceType, type EvidenceCheck } from './evidence';
export { writeRectificationNotice, type RectificationNoticeInput } from './rectification-notice';
export { writeRectificationReport, type RectificationReportInput, type RectificationReportItem } from './rectification-report';

// The layout model (decisions 014, 015), for callers that look at a file's paragraphs and tables.
export type { Layout, Block, Paragraph, Table, Cell, Box } from './layout/model';
export { tableToGrid, tableTexts, tableWidth, tableHeight, cellAt, tablesOf } from './layout/model';
export type { LayoutResult } from './layout/result';
export { sniffFormat, type SniffedFormat } from './layout/sniff';
export { readDocxLayout } from './layout/docx';
export { readXlsxLayout } from './layout/xlsx';
export { readPdfLayout } from './layout/pdf';
