export { writeRectificationReport, type RectificationReportInput, type RectificationReportItem } from './write-docx';
