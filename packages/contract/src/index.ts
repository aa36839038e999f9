export * from './document';
export * from './catalog';
export * from './review';
export * from './rule-set';
export * from './settings';
export * from './score';
export * from './self-evaluation';
export * from './monitoring';
export * from './monitoring-warnings';
export * from './workflow';
export * from './access';
export * from './ids';
export * from './import-preview';
export * from './jobs';
export {
  OUTPUT_FORMATS,
  OUTPUT_FORMAT_IDS,
  isOutputFormatId,
  isOutputFormatOf,
  outputFormat,
  outputFormatsOf,
  downloadRoute,
  downloadUrl,
  type OutputSource,
  type OutputFormatInfo,
  type OutputFormat,
  type OutputFormatId,
  type OutputFormatIdOf,
  type DownloadableFormatId,
} from './output-formats';
export * from './workbench';
export * from './rollover';
export * from './results-use';
export * from './rectification';
