/**
 * The files of a stored self-evaluation: the pre-filled actuals workbook (download, and upload back as entries —
 * refused whole on any error, each error at its sheet, row and column), the 项目支出绩效自评表 or the 部门整体支出绩效自评表
 * (.xlsx) computed from the entries, and the 自评报告 (.docx) with the unit's edits where it edited and the draft
 * elsewhere. The same verbs serve the web downloads and `jixiao export`.
 */
import { outputFormat, type OutputFormatIdOf, type SelfEvaluationDto } from '@jixiao/contract';
import { scoredLinesByKey, scoredTasks, type SelfEvaluationEntries } from '@jixiao/core';
import {
  formatWorkbookError,
  readActualsWorkbook,
  writeActualsWorkbook,
  writeDepartmentSelfEvaluationTable,
  writeProjectSelfEvaluationTable,
  writeSelfEvaluationReport,
  type WorkbookError,
} from '@jixiao/formats';
import { AppError } from '../errors';
import { exportFileName } from '../output-formats/render-formats';
import { regionOf } from './render-self-evaluation-table';
import { changedBy, type ChangeContext } from '../access/audit';
import type { CommandDeps } from '../unit-of-work';
import { guardEvaluationSave, saveEvaluationChange } from '../workflow/evaluation-save';
import { requireBy } from './save-self-evaluation';
import { draftOf, editedDraft, loadSelfEvaluation, toSelfEvaluationDto, type SelfEvaluationDeps, type SelfEvaluationState } from './self-evaluation-state';

/** The files made from a self-evaluation: the contract's `OUTPUT_FORMATS` whose source is `self-evaluation`. */
export type SelfEvaluationFileFormat = OutputFormatIdOf<'self-evaluation'>;

const XLSX_TYPE = outputFormat('actuals-workbook').mediaType;
const DOCX_TYPE = outputFormat('self-evaluation-report').mediaType;

export interface SelfEvaluationFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const identityOf = (s: SelfEvaluationState) => ({ evaluationId: s.evaluation.id, documentId: s.evaluation.documentId, targetVersion: s.evaluation.targetVersion, period: s.evaluation.period });
const name = (s: SelfEvaluationState, what: string, ext: '.xlsx' | '.docx') => exportFileName({ ...s.document, year: Number(s.evaluation.period) }, what, ext === '.xlsx' ? 'template' : 'report');

/** The weight each indicator is scored with (for the workbook's 分值 column). */
function weightsOf(s: SelfEvaluationState): Record<string, number> {
  return Object.fromEntries([...scoredLinesByKey(s.document, s.score)].map(([key, line]) => [key, line.weight]));
}

export async function renderSelfEvaluationFile(deps: SelfEvaluationDeps, input: { id: number; format: SelfEvaluationFileFormat; /** The signature date (`2024-05-29`); services have no clock. */ date: string }): Promise<SelfEvaluationFile> {
  const s = await loadSelfEvaluation(deps, input.id);
  switch (input.format) {
    case 'actuals-workbook':
      return { fileName: name(s, '绩效自评实际完成值填报表', '.xlsx'), mediaType: XLSX_TYPE, bytes: await writeActualsWorkbook({ target: s.target, entries: s.entries, identity: identityOf(s), weights: weightsOf(s) }) };
    case 'project-self-evaluation-table': {
      if (s.score.scope !== 'project') throw wrongScope(s, '项目支出绩效自评表', 'department-self-evaluation-table');
      const goalCompletion = Object.fromEntries(
        s.score.projects.map((p) => {
          const met = p.score.lines.filter((l) => l.result.status === 'met' || l.result.status === 'qualitative').length;
          return [p.key, `${p.score.lines.length} 个绩效指标中 ${met} 个已完成或已评定${p.score.execution.rate != null ? `，预算执行率 ${p.score.execution.rate.toFixed(2)}%` : ''}。`];
        }),
      );
      const bytes = await writeProjectSelfEvaluationTable({ document: s.document, projects: s.score.projects, ruleTitle: s.score.ruleTitle, goalCompletion });
      return { fileName: name(s, '项目支出绩效自评表', '.xlsx'), mediaType: XLSX_TYPE, bytes };
    }
    case 'department-self-evaluation-table': {
      if (s.score.scope !== 'department') throw wrongScope(s, '部门整体支出绩效自评表', 'project-self-evaluation-table');
      const draft = editedDraft(await draftOf(deps, s), s.edits);
      const section = (re: RegExp) => draft.sections.find((x) => re.test(x.heading))?.paragraphs.join('\n') ?? null;
      // A target document whose indicators are department-wide (seed 000) prints them as one more group after its tasks.
      const scored = scoredTasks(s.document);
      const grouped = s.document.keyTasks?.some((t) => (t.indicators?.length ?? 0) > 0) ? s.document.keyTasks : [...(s.document.keyTasks ?? []), ...scored];
      const document = {
        ...s.document,
        year: Number(s.evaluation.period),
        keyTasks: grouped ?? [],
        goalText: s.document.goalText ?? s.document.profile?.overallGoal ?? null,
        issuesText: section(/存在的主要问题/),
        improvementsText: section(/改进措施/),
      };
      const region = regionOf(s.document.department);
      const bytes = await writeDepartmentSelfEvaluationTable({ document, ...(region ? { region } : {}) });
      return { fileName: name(s, '部门整体支出绩效自评表', '.xlsx'), mediaType: XLSX_TYPE, bytes };
    }
    case 'self-evaluation-report': {
      const draft = editedDraft(await draftOf(deps, s), s.edits);
      const bytes = await writeSelfEvaluationReport({ draft, signedBy: draft.department, date: input.date });
      return { fileName: name(s, s.score.scope === 'project' ? '项目支出绩效自评报告' : '部门整体支出绩效自评报告', '.docx'), mediaType: DOCX_TYPE, bytes };
    }
  }
}

function wrongScope(s: SelfEvaluationState, what: string, fits: SelfEvaluationFileFormat): AppError {
  return new AppError('BAD_INPUT', `自评 ${s.evaluation.id} 是${s.score.scope === 'project' ? '项目支出' : '部门整体支出'}绩效自评，不能导出${what}；请导出 ${fits}。`, { evaluationId: s.evaluation.id, fits });
}

/**
 * Reads a filled actuals workbook and saves it as the entries (on `baseRevision`, default the current one).
 * Any error refuses the whole file: `BAD_INPUT` whose details list every error by sheet, row and column.
 */
export async function importActualsWorkbook(
  deps: CommandDeps,
  who: ChangeContext,
  input: { id: number; fileName: string; bytes: Uint8Array; baseRevision?: number; by?: string },
): Promise<{ evaluation: SelfEvaluationDto; rows: number }> {
  const by = requireBy(input.by ?? changedBy(who));
  const s = await loadSelfEvaluation(deps, input.id);
  // The workflow first: a workbook for a submitted report or a locked year is refused before it is read (and again in the save's transaction).
  await guardEvaluationSave(deps.store, who, input.id);
  const result = await readActualsWorkbook({ fileName: input.fileName, bytes: input.bytes, target: s.target, identity: identityOf(s) });
  if (!result.ok) throw workbookRefused(input.fileName, result.errors);
  // The workbook holds every indicator and budget line; the goal row only for departments. What it does not carry (nothing today) is kept.
  const entries: SelfEvaluationEntries = { ...s.entries, ...result.entries };
  await saveEvaluationChange(deps, who, { evaluationId: input.id, verb: 'import-actuals' }, (tx) =>
    tx.evaluations.saveEvaluation({ id: input.id, baseRevision: input.baseRevision ?? s.evaluation.revision, entries, by }).then(() => undefined),
  );
  return { evaluation: await toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id)), rows: result.rows };
}

export function workbookRefused(fileName: string, errors: WorkbookError[]): AppError {
  const lines = errors.map(formatWorkbookError);
  const head = lines.slice(0, 3).join('；');
  return new AppError('BAD_INPUT', `${fileName} 未导入（共 ${errors.length} 处错误，改正后重新上传，整份文件未做任何修改）：${head}${errors.length > 3 ? ' …' : ''}`, { errors });
}
