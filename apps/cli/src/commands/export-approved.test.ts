/**
 * `jixiao export --format target-table|target-table-docx|approval-notice` on seed 002 (金花街道's 2024 project
 * targets): refused while a draft (exit 1, the Chinese reason on stderr, no file written), then, once approved,
 * each file written and read back with the project's readers (the table's 合计, the notice's issuer and title).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocxLayout, readXlsxLayout, tablesOf, tableTexts, type LayoutResult } from '@jixiao/formats';
import { approveTargetsForTest } from '@jixiao/services/testing';
import { openStore } from '@jixiao/store';
import { describe, expect, it } from 'vitest';
import { SEED_002, useCliSandbox } from '../testing/run-cli';

function cells(result: LayoutResult): string[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : tableTexts(b).flat()));
}

describe('jixiao export of approved targets', () => {
  const cli = useCliSandbox('jixiao-cli-approved-');

  it('refuses the draft, then writes the 绩效目标表 (.xlsx, .docx) and the 批复 notice of the approved version', async () => {
    expect((await cli.run(['import', SEED_002, '--year', '2024'])).code).toBe(0);
    const out = (name: string) => join(cli.dir, name);
    const draft = await cli.run(['export', '--document', '1', '--format', 'approval-notice', '--out', out('draft.docx')]);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('文档 1 的绩效目标尚未批复（当前为「草稿」，第 1 版）：绩效目标批复通知只能由财政部门批复的版本生成，请在批复后再下载。');
    expect(existsSync(out('draft.docx'))).toBe(false);

    const store = await openStore({ dataDir: cli.dataDir });
    try {
      await approveTargetsForTest({ store }, 1, { reviewer: '王审核' });
    } finally {
      await store.close();
    }
    const xlsx = await cli.run(['export', '--document', '1', '--format', 'target-table', '--out', out('table.xlsx')]);
    expect({ code: xlsx.code, stdout: xlsx.stdout }).toEqual({ code: 0, stdout: `已导出文档 1 的绩效目标表（.xlsx）到 ${out('table.xlsx')}\n` });
    const workbook = cells(readXlsxLayout(new Uint8Array(readFileSync(out('table.xlsx')))));
    // The workbook keeps amounts as numbers (formatted 2,316.05 where it is opened): the reader gives the number.
    expect(workbook).toEqual(expect.arrayContaining(['2024年荔湾区项目支出绩效目标表', '项目名称', '三级指标', '指标值', '补贴发放率', '2316.05']));

    expect((await cli.run(['export', '--document', '1', '--format', 'target-table-docx', '--out', out('table.docx')])).code).toBe(0);
    const docx = readDocxLayout(new Uint8Array(readFileSync(out('table.docx'))));
    expect(docx.ok && tableTexts(tablesOf(docx.layout)[0]!).at(-1)?.[3]).toBe('2,316.05');

    const notice = await cli.run(['export', '--document', '1', '--format', 'approval-notice', '--organization', '广州市荔湾区财政局（代章）', '--out', out('notice.docx')]);
    expect(notice.code).toBe(0);
    const text = cells(readDocxLayout(new Uint8Array(readFileSync(out('notice.docx')))));
    expect(text.slice(0, 5)).toEqual(['广州市荔湾区财政局（代章）文件', '＿＿〔2024〕＿＿号', '关于批复广州市荔湾区人民政府', '金花街道办事处2024年度', '项目支出绩效目标的通知']);
    expect(text).toContain('（本通知批复的是第 1 版绩效目标，由王审核审核批复；共设置绩效指标 102 个。）');

    const version = await cli.run(['export', '--document', '1', '--version', '2', '--format', 'target-table', '--out', out('v2.xlsx')]);
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('文档 1 的第 2 版没有经过批复');
  });
});
