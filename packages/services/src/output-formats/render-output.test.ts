/**
 * Every format of the contract's registry renders a real file from the seeds through `renderOutput`: seed 002's
 * project targets (json, opinion, template, a monitoring report, a project self-evaluation), seed 004's department
 * self-evaluation (自评表, 自评报告) and seed 000's department targets (a department self-evaluation; approved, for
 * the 绩效目标表 and the 批复 notice), imported into the services' memory store.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUTPUT_FORMATS, OUTPUT_FORMAT_IDS, outputFormat, type OutputFormatId } from '@jixiao/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeContext } from '../access/audit';
import { exportDocument } from '../documents/export-document';
import { importDocumentFile } from '../documents/import-document-file';
import { startMonitoring } from '../monitoring/start-monitoring';
import { startSelfEvaluation } from '../self-evaluation/start-self-evaluation';
import { createRectification } from '../rectification/change-rectification';
import { memoryStore } from '../testing/memory-store';
import { approveTargetsForTest } from '../testing/approve-targets';
import { OUTPUT_RENDERERS, renderOutput, type OutputDeps, type OutputInput } from './render-output';

const seed = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url))));
const operator: ChangeContext = { actor: null, requestId: 'render-test', operator: 'alice' };

const ZIP = [0x50, 0x4b];

describe('renderOutput: every registry format from the seeds', () => {
  let deps: OutputDeps;
  let inputs: { [K in OutputFormatId]: OutputInput<K> };
  beforeAll(async () => {
    const store = memoryStore();
    deps = { store };
    const imported = [];
    for (const [name, year] of [['002_71a78aaa1661d207.pages-1-5.txt', 2024], ['004_2c12f7b2ed482af0.txt', 2021], ['000_33f7e9c75c02529b.txt', 2024]] as const) {
      imported.push((await importDocumentFile({ store }, operator, { fileName: name, bytes: seed(name), year })).documentId);
    }
    const [targets, departmentTable, departmentTargets] = imported as [number, number, number];
    for (const id of [targets, departmentTargets]) await approveTargetsForTest({ store }, id, { reviewer: '王审核' });
    const monitoring = await startMonitoring({ store }, operator, { documentId: targets, cutoffMonth: 7, by: '李填报' });
    const project = await startSelfEvaluation({ store }, operator, { documentId: targets, year: 2024, by: '李填报' });
    const department = await startSelfEvaluation({ store }, operator, { documentId: departmentTargets, year: 2024, by: '李填报' });
    const date = '2025-01-20';
    const reviewer = { userId: 1, username: 'fin', displayName: '王财政', role: 'finance-reviewer' as const, departmentId: null, assignedDepartmentIds: [] };
    const departmentId = store.state().documents.find((d) => d.id === targets)!.departmentId!;
    const item = await createRectification({ store }, { actor: reviewer }, { departmentId, unitName: '金花街道办事处', responsiblePerson: '综合办', problem: '合同未公开', basis: '巡察反馈', measures: '补充公开', deadline: '2025-06-30', sourceKind: 'inspection', sourceReference: '巡察反馈意见', issue: true }, new Date('2025-01-20T02:00:00Z'));
    inputs = {
      json: { documentId: targets, date },
      opinion: { documentId: targets, date, reviewer: '张三' },
      'self-evaluation-table': { documentId: departmentTable, date },
      report: { documentId: departmentTable, date },
      template: { documentId: targets, date },
      'target-table': { documentId: departmentTargets, date },
      'target-table-docx': { documentId: departmentTargets, date },
      'approval-notice': { documentId: departmentTargets, date },
      'monitoring-table': { id: monitoring.id },
      'monitoring-table-docx': { id: monitoring.id },
      'project-self-evaluation-table': { id: project.id, date },
      'department-self-evaluation-table': { id: department.id, date },
      'self-evaluation-report': { id: department.id, date },
      'actuals-workbook': { id: project.id, date },
      'rectification-notice': { id: item.id, date },
      'rectification-report': { id: departmentId, date },
    };
  }, 60_000);

  it('renders json as the stored interchange document', async () => {
    const file = await renderOutput(deps, 'json', inputs.json);
    const stored = await exportDocument(deps, { documentId: inputs.json.documentId });
    expect(stored).toMatchObject({ format: 'jixiao/v1', kind: 'project-targets' });
    expect(JSON.parse(new TextDecoder().decode(file.bytes))).toEqual(stored);
  });

  it('has one renderer per registry id and no other', () => {
    expect(Object.keys(OUTPUT_RENDERERS).sort()).toEqual([...OUTPUT_FORMAT_IDS].sort());
    expect(new Set(OUTPUT_FORMAT_IDS).size).toBe(OUTPUT_FORMATS.length);
  });

  it.each(OUTPUT_FORMAT_IDS)('%s: the registry’s media type and extension, and a real file', async (id) => {
    const file = await renderOutput(deps, id, inputs[id] as never);
    const format = outputFormat(id);
    expect(file.format).toBe(id);
    expect(file.mediaType).toBe(format.mediaType);
    expect(file.fileName.endsWith(format.extension)).toBe(true);
    // A .docx and an .xlsx are zip files; the JSON starts with `{`.
    expect([...file.bytes.subarray(0, 2)]).toEqual(format.extension === '.json' ? [...new TextEncoder().encode('{\n')] : ZIP);
    expect(file.bytes.length).toBeGreaterThan(1000);
  });
});
