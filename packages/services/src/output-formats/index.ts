export { EXPORT_FORMATS } from './render-formats';
export type { ExportFormat, MonitoringExportFormat, RenderedFile } from './render-formats';
export { renderBlankTemplate, renderTemplate } from './render-template';
export { OUTPUT_RENDERERS, renderOutput } from './render-output';
export type { OutputDeps, OutputFile, OutputInput, OutputInputs, OutputSourceOf } from './render-output';
