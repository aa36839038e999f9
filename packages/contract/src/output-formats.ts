/**
 * The one list of the files jixiao writes: the CLI's `jixiao export --format ID`, the server's download routes and
 * the web's download buttons all read it, and services keeps one renderer per id (a missing one is a type error
 * there). It is data without the renderers so that the web can import it.
 *
 * `source` is what the file is made from, and so which id the caller names: a stored document (`--document ID`,
 * `/api/documents/{id}/…`), a monitoring report (`--monitoring ID`, `/api/monitoring/{id}/…`) or a self-evaluation
 * (`--evaluation ID`, `/api/self-evaluations/{id}/…`), a rectification item (`--rectification ID`, `/api/rectifications/{id}/…`)
 * or a department (`--department ID`, `/api/departments/{id}/…`: its 整改情况报告). `download` is the file's path under that resource when the
 * server serves it; a format without one is made by the CLI and by an output job (`POST /api/output-jobs`) only.
 */
export type OutputSource = 'document' | 'monitoring' | 'self-evaluation' | 'rectification' | 'department';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface OutputFormatInfo {
  id: string;
  /** What it is called in Chinese (CLI messages, buttons). */
  label: string;
  source: OutputSource;
  mediaType: string;
  extension: '.json' | '.docx' | '.xlsx';
  /** The server's path for it under the source's resource, e.g. `review/opinion.docx`. */
  download?: string;
  /** The download route's OpenAPI operationId. */
  operationId?: string;
  /** One line for the OpenAPI summary and the CLI help. */
  summary: string;
}

export const OUTPUT_FORMATS = [
  { id: 'json', label: 'jixiao/v1 交换格式', source: 'document', mediaType: 'application/json', extension: '.json', summary: 'jixiao/v1 交换格式，内容与导入时完全相同' },
  {
    id: 'opinion',
    label: '评审意见',
    source: 'document',
    mediaType: DOCX,
    extension: '.docx',
    download: 'review/opinion.docx',
    operationId: 'downloadReviewOpinion',
    summary: '评审意见（Word .docx）：基本情况、绩效目标、指标体系、问题及修改建议、得分与结论',
  },
  { id: 'self-evaluation-table', label: '部门整体支出绩效自评表', source: 'document', mediaType: XLSX, extension: '.xlsx', summary: '部门整体支出绩效自评表（.xlsx，部门整体自评文档），各比率按金额重新计算' },
  { id: 'report', label: '自评报告', source: 'document', mediaType: DOCX, extension: '.docx', summary: '自评报告（.docx，部门整体自评文档），按内置评分规则集评分后起草' },
  { id: 'template', label: '填好的 Excel 填报模板', source: 'document', mediaType: XLSX, extension: '.xlsx', summary: '填好该文档的 Excel 填报模板（.xlsx），可修改后重新导入' },
  // Made from the approved version only (decision 034): a draft, or a version never approved, is refused.
  { id: 'target-table', label: '绩效目标表', source: 'document', mediaType: XLSX, extension: '.xlsx', summary: '批复的绩效目标表（Excel .xlsx）：部门整体预算绩效目标表、项目支出绩效目标表，只由已批复的版本生成' },
  { id: 'target-table-docx', label: '绩效目标表', source: 'document', mediaType: DOCX, extension: '.docx', summary: '批复的绩效目标表（Word .docx），只由已批复的版本生成' },
  {
    id: 'approval-notice',
    label: '绩效目标批复通知',
    source: 'document',
    mediaType: DOCX,
    extension: '.docx',
    summary: '关于批复绩效目标的通知（Word .docx，文号留空，附批复的绩效目标表），只由已批复的版本生成；--organization 为发文机关（默认按部门名称推出区财政局）',
  },
  { id: 'monitoring-table', label: '绩效运行监控表', source: 'monitoring', mediaType: XLSX, extension: '.xlsx', download: 'table.xlsx',
    operationId: 'downloadMonitoringTableXlsx', summary: '绩效运行监控表（Excel .xlsx，A4 横向）' },
  { id: 'monitoring-table-docx', label: '绩效运行监控表', source: 'monitoring', mediaType: DOCX, extension: '.docx', download: 'table.docx',
    operationId: 'downloadMonitoringTableDocx', summary: '绩效运行监控表（Word .docx，A4 横向）' },
  {
    id: 'project-self-evaluation-table',
    label: '项目支出绩效自评表',
    source: 'self-evaluation',
    mediaType: XLSX,
    extension: '.xlsx',
    download: 'project-table.xlsx',
    operationId: 'downloadProjectSelfEvaluationTable',
    summary: '项目支出绩效自评表（.xlsx，每个项目一个工作表）',
  },
  {
    id: 'department-self-evaluation-table',
    label: '部门整体支出绩效自评表',
    source: 'self-evaluation',
    mediaType: XLSX,
    extension: '.xlsx',
    download: 'department-table.xlsx',
    operationId: 'downloadDepartmentSelfEvaluationTable',
    summary: '部门整体支出绩效自评表（.xlsx）',
  },
  {
    id: 'self-evaluation-report',
    label: '自评报告',
    source: 'self-evaluation',
    mediaType: DOCX,
    extension: '.docx',
    download: 'report.docx',
    operationId: 'downloadSelfEvaluationReport',
    summary: '自评报告（.docx，已修改的部分用修改后的文字，其余按数据起草）',
  },
  {
    id: 'actuals-workbook',
    label: '实际完成值填报表',
    source: 'self-evaluation',
    mediaType: XLSX,
    extension: '.xlsx',
    download: 'actuals.xlsx',
    operationId: 'downloadActualsWorkbook',
    summary: '预填的实际完成值填报表（.xlsx）：目标灰色锁定，黄色单元格填写，填好后上传或用 jixiao actuals import 导入',
  },
  {
    id: 'rectification-notice',
    label: '整改通知书',
    source: 'rectification',
    mediaType: DOCX,
    extension: '.docx',
    download: 'notice.docx',
    operationId: 'downloadRectificationNotice',
    summary: '整改通知书（Word .docx）：问题、依据、整改要求和期限、反馈方式',
  },
  {
    id: 'rectification-report',
    label: '整改情况报告',
    source: 'department',
    mediaType: DOCX,
    extension: '.docx',
    download: 'rectification-report.docx',
    operationId: 'downloadRectificationReport',
    summary: '整改情况报告（Word .docx）：一个部门的整改事项、状态、逾期、整改情况和佐证材料',
  },
] as const satisfies readonly OutputFormatInfo[];

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type OutputFormatId = OutputFormat['id'];
/** The ids of the formats made from one source. */
export type OutputFormatIdOf<S extends OutputSource> = Extract<OutputFormat, { source: S }>['id'];
/** The ids the server serves, with their `download` path. */
export type DownloadableFormatId = Extract<OutputFormat, { download: string }>['id'];

export const OUTPUT_FORMAT_IDS: readonly OutputFormatId[] = OUTPUT_FORMATS.map((f) => f.id);

const BY_ID = new Map<string, OutputFormat>(OUTPUT_FORMATS.map((f) => [f.id, f]));

export function isOutputFormatId(value: string): value is OutputFormatId {
  return BY_ID.has(value);
}

export function outputFormat<K extends OutputFormatId>(id: K): Extract<OutputFormat, { id: K }> {
  return BY_ID.get(id) as Extract<OutputFormat, { id: K }>;
}

/** Whether `id` is a format made from `source`. */
export function isOutputFormatOf<S extends OutputSource>(id: string, source: S): id is OutputFormatIdOf<S> {
  return BY_ID.get(id)?.source === source;
}

/** The formats made from one source, in the registry's order. */
export function outputFormatsOf<S extends OutputSource>(source: S): Array<Extract<OutputFormat, { source: S }>> {
  return OUTPUT_FORMATS.filter((f): f is Extract<OutputFormat, { source: S }> => f.source === source);
}

const RESOURCE: Record<OutputSource, string> = {
  document: '/api/documents',
  monitoring: '/api/monitoring',
  'self-evaluation': '/api/self-evaluations',
  rectification: '/api/rectifications',
  department: '/api/departments',
};

/** The server's route for a downloadable format, in OpenAPI form: `/api/monitoring/{id}/table.xlsx`. */
export function downloadRoute(id: DownloadableFormatId): string {
  const format = outputFormat(id);
  return `${RESOURCE[format.source]}/{id}/${format.download}`;
}

/** The URL a browser downloads a format of one object from: `/api/monitoring/7/table.xlsx`. */
export function downloadUrl(id: DownloadableFormatId, objectId: number): string {
  return downloadRoute(id).replace('{id}', String(objectId));
}
