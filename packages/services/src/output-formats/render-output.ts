/**
 * One renderer per id of the contract's `OUTPUT_FORMATS`: the map is typed by the registry, so a format added there
 * without a renderer here does not compile. The CLI's `jixiao export --format ID` and the server's download routes
 * call `renderOutput`; each renderer is the feature's own render verb.
 */
import type { OutputFormat, OutputFormatId } from '@jixiao/contract';
import { exportDocument } from '../documents/export-document';
import type { MonitoringDeps } from '../monitoring/monitoring-state';
import { renderMonitoringTable } from '../monitoring/render-monitoring-table';
import { renderReviewOpinion, UNNAMED_REVIEWER } from '../review/render-review-opinion';
import type { ReviewDeps } from '../review/review-state';
import { writeReviewOpinionFile } from '../review/write-review-opinion';
import { renderSelfEvaluationFile } from '../self-evaluation/self-evaluation-files';
import type { SelfEvaluationDeps } from '../self-evaluation/self-evaluation-state';
import { renderSelfEvaluationReport } from '../self-evaluation/render-self-evaluation-report';
import { renderSelfEvaluationTable } from '../self-evaluation/render-self-evaluation-table';
import type { WorkflowStore } from '../workflow/ports';
import { renderApprovedTargets, type ApprovedTargetsFormat } from './render-approved-targets';
import type { RectificationDeps } from '../rectification/get-rectification';
import { renderRectificationNotice, renderRectificationReport } from '../rectification/render-rectification-files';
import { exportFileName } from './render-formats';
import { renderTemplate } from './render-template';

/** What a renderer is given, by the format's source. Dates come from the caller: services have no clock. */
export interface OutputInputs {
  document: {
    documentId: number;
    /** Default: the current version (an opinion of it carries the reviewers' stored decisions). */
    version?: number | undefined;
    date: string;
    reviewer?: string | undefined;
    organization?: string | undefined;
    /** 自评表 title's district (default: read from the department name). */
    region?: string | undefined;
  };
  monitoring: { id: number };
  'self-evaluation': { id: number; date: string };
  /** The item; `date`: the notice's date when it was never issued. */
  rectification: { id: number; date: string };
  /** The department whose 整改情况报告 it is, as of `date`. */
  department: { id: number; date: string };
}

export type OutputSourceOf<K extends OutputFormatId> = Extract<OutputFormat, { id: K }>['source'];
export type OutputInput<K extends OutputFormatId> = OutputInputs[OutputSourceOf<K>];

/** A store holding everything any renderer reads (the store package's `Store` is one). */
export type OutputDeps = ReviewDeps & MonitoringDeps & SelfEvaluationDeps & RectificationDeps & { store: { workflow: WorkflowStore } };

export interface OutputFile {
  format: OutputFormatId;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

type Renderers = { [K in OutputFormatId]: (deps: OutputDeps, input: OutputInput<K>) => Promise<OutputFile> };

/** 绩效目标表 and 批复 notice: of the approved version (the `version` named must be one); `organization` is the notice's issuer. */
const approved = (format: ApprovedTargetsFormat) => (deps: OutputDeps, input: OutputInputs['document']) =>
  renderApprovedTargets(deps, { documentId: input.documentId, format, version: input.version, issuer: input.organization?.trim() || undefined, region: input.region });

const at = (input: OutputInputs['document']) => ({ documentId: input.documentId, ...(input.version === undefined ? {} : { version: input.version }) });

export const OUTPUT_RENDERERS: Renderers = {
  async json(deps, input) {
    const document = await exportDocument(deps, at(input));
    const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
    return { format: 'json', fileName: exportFileName(document, '交换格式', 'json'), mediaType: 'application/json', bytes };
  },
  async opinion(deps, input) {
    const name = input.reviewer?.trim() || undefined;
    const organization = input.organization?.trim() || undefined;
    // The current version carries the reviewers' stored decisions (the opinion the web page downloads); an older
    // version is rendered from the automated review alone.
    if (input.version === undefined) {
      const file = await writeReviewOpinionFile(deps, { documentId: input.documentId, date: input.date, reviewer: name, organization });
      return { format: 'opinion', ...file };
    }
    const reviewer = name ? { reviewer: { name, organization: organization ?? null } } : organization ? { reviewer: { name: UNNAMED_REVIEWER, organization } } : {};
    return renderReviewOpinion(deps, { ...at(input), date: input.date, ...reviewer });
  },
  'self-evaluation-table': (deps, input) => renderSelfEvaluationTable(deps, { ...at(input), ...(input.region ? { region: input.region } : {}) }),
  report: (deps, input) => renderSelfEvaluationReport(deps, { ...at(input), date: input.date, ...(input.organization ? { signedBy: input.organization } : {}) }),
  template: (deps, input) => renderTemplate(deps, at(input)),
  'target-table': approved('target-table'),
  'target-table-docx': approved('target-table-docx'),
  'approval-notice': approved('approval-notice'),
  'monitoring-table': (deps, input) => renderMonitoringTable(deps, { id: input.id, format: 'monitoring-table' }),
  'monitoring-table-docx': (deps, input) => renderMonitoringTable(deps, { id: input.id, format: 'monitoring-table-docx' }),
  'project-self-evaluation-table': async (deps, input) => ({ format: 'project-self-evaluation-table', ...(await renderSelfEvaluationFile(deps, { ...input, format: 'project-self-evaluation-table' })) }),
  'department-self-evaluation-table': async (deps, input) => ({ format: 'department-self-evaluation-table', ...(await renderSelfEvaluationFile(deps, { ...input, format: 'department-self-evaluation-table' })) }),
  'self-evaluation-report': async (deps, input) => ({ format: 'self-evaluation-report', ...(await renderSelfEvaluationFile(deps, { ...input, format: 'self-evaluation-report' })) }),
  'actuals-workbook': async (deps, input) => ({ format: 'actuals-workbook', ...(await renderSelfEvaluationFile(deps, { ...input, format: 'actuals-workbook' })) }),
  'rectification-notice': async (deps, input) => ({ format: 'rectification-notice', ...(await renderRectificationNotice(deps, input)) }),
  'rectification-report': async (deps, input) => ({ format: 'rectification-report', ...(await renderRectificationReport(deps, { departmentId: input.id, date: input.date })) }),
};

/** Renders `format` of the object `input` names. */
export function renderOutput<K extends OutputFormatId>(deps: OutputDeps, format: K, input: OutputInput<K>): Promise<OutputFile> {
  const render = OUTPUT_RENDERERS[format] as (deps: OutputDeps, input: OutputInput<K>) => Promise<OutputFile>;
  return render(deps, input);
}
