export { listRectifications, getRectification, listOpenRectifications, hasOpenRectifications, getAttachmentFile, type RectificationDeps, type ListRectificationsInput } from './get-rectification';
export {
  createRectification,
  createRectificationFromFinding,
  createRectificationFromMonitoringLine,
  moveRectification,
  feedbackRectification,
  checkEvidenceFiles,
  type EvidenceFile,
} from './change-rectification';
export { renderRectificationNotice, renderRectificationReport, type RectificationFile } from './render-rectification-files';
export { toAttachmentDto, toRectificationSummary, attachmentUrl } from './present';
export type * from './ports';
