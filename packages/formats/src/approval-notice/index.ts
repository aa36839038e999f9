/** The 批复 notice of approved targets (关于批复……绩效目标的通知), with the approved 绩效目标表 attached. */
export { writeApprovalNotice, noticeTitleLines, documentNumberPlaceholder, type ApprovalNoticeInput } from './write-docx';
