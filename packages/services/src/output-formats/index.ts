export { EXPORT_FORMATS } from './render-formats';
export type { ExportFormat, MonitoringExportFormat, RenderedFile } from './render-formats';
export { renderTemplate } from './render-template';
