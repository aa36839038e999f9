/**
 * The 绩效目标表 and 批复 notice are made from the approved version only (decision 034): seed 002 as a draft is
 * refused with a Chinese sentence; once approved, the files print that version, who approved it and the day (the
 * workflow history's, in Beijing time); a version never approved is refused, naming the approved ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chineseDate, readDocxLayout, tablesOf, tableTexts } from '@jixiao/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeContext } from '../access/audit';
import { importDocumentFile } from '../documents/import-document-file';
import { AppError } from '../errors';
import { approveTargetsForTest } from '../testing/approve-targets';
import { memoryStore, type MemoryStore } from '../testing/memory-store';
import { chinaDate } from '../review/write-review-opinion';
import { transitionTarget } from '../workflow/target-workflow';
import { financeBureauOf, renderApprovedTargets } from './render-approved-targets';

const seed = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url))));
const operator: ChangeContext = { actor: null, requestId: 'approved-test', operator: 'alice' };
const SEED_002 = '002_71a78aaa1661d207.pages-1-5.txt';

function paragraphs(bytes: Uint8Array): string[] {
  const read = readDocxLayout(bytes);
  if (!read.ok) throw new Error(read.error.message);
  return read.layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

describe('renderApprovedTargets', () => {
  let store: MemoryStore;
  let documentId: number;
  beforeAll(async () => {
    store = memoryStore();
    documentId = (await importDocumentFile({ store }, operator, { fileName: SEED_002, bytes: seed(SEED_002), year: 2024 })).documentId;
  });

  it('refuses a draft, in Chinese, for each of the three files', async () => {
    for (const format of ['target-table', 'target-table-docx', 'approval-notice'] as const) {
      const refused = await renderApprovedTargets({ store }, { documentId, format }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('CONFLICT');
      expect((refused as AppError).message).toMatch(/^文档 \d+ 的绩效目标尚未批复（当前为「草稿」，第 1 版）：(绩效目标表|绩效目标批复通知)只能由财政部门批复的版本生成，请在批复后再下载。$/);
    }
  });

  it('once approved: the notice of the approved version, from the district’s 财政局, dated the day of the 批复', async () => {
    await approveTargetsForTest({ store }, documentId, { reviewer: '王审核' });
    const approvedAt = (await store.workflow.listTransitions('document', documentId)).find((t) => t.action === 'approve')!.at;
    const file = await renderApprovedTargets({ store }, { documentId, format: 'approval-notice' });
    expect(file.fileName).toBe('广州市荔湾区人民政府金花街道办事处2024年度绩效目标批复通知.docx');
    const text = paragraphs(file.bytes);
    expect(text[0]).toBe('广州市荔湾区财政局文件');
    expect(text).toContain('广州市荔湾区人民政府金花街道办事处：');
    expect(text).toContain(chineseDate(chinaDate(new Date(approvedAt))));
    expect(text.join('\n')).toContain('批复你单位2024年度项目支出绩效目标（第 1 版）。纳入绩效目标管理的项目 24 个，项目金额合计 2,316.05 万元，设置项目绩效指标 102 个。');
    expect(text.join('\n')).toContain('由王审核审核批复');

    const table = await renderApprovedTargets({ store }, { documentId, format: 'target-table-docx' });
    const read = readDocxLayout(table.bytes);
    expect(read.ok && tableTexts(tablesOf(read.layout)[0]!).at(-1)?.[3]).toBe('2,316.05');
    expect(paragraphs(table.bytes)).toContain('2024年荔湾区项目支出绩效目标表');
  });

  it('refuses a version that was never approved, naming the approved one', async () => {
    const refused = await renderApprovedTargets({ store }, { documentId, format: 'target-table', version: 5 }).catch((e: unknown) => e);
    expect((refused as AppError).message).toBe(`文档 ${documentId} 的第 5 版没有经过批复，不能生成绩效目标表；已批复的版本：第 1 版。`);
  });

  it('while an adjustment is drafted the approved version stays in force, and its files are still made', async () => {
    const admin = { userId: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const, departmentId: null, assignedDepartmentIds: [] };
    await transitionTarget({ store }, { actor: admin, requestId: 'test' }, { documentId, action: 'request-adjustment', reason: '年中调整预算' });
    expect(await store.workflow.getTargetWorkflow(documentId)).toMatchObject({ status: 'draft', adjustment: true, approvedVersion: 1 });
    const file = await renderApprovedTargets({ store }, { documentId, format: 'approval-notice' });
    expect(paragraphs(file.bytes).join('\n')).toContain('批复你单位2024年度项目支出绩效目标（第 1 版）');
  });

  it('reads the finance bureau from the unit’s name', () => {
    expect(financeBureauOf('广州市荔湾区人民政府花地街道办事处')).toBe('广州市荔湾区财政局');
    expect(financeBureauOf('广州市白云区人民政府白云湖街道办事处')).toBe('广州市白云区财政局');
    expect(financeBureauOf('某单位')).toBeUndefined();
  });
});
