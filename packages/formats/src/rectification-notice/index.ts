export { writeRectificationNotice, type RectificationNoticeInput } from './write-docx';
