/**
 * The 整改通知书 and 整改情况报告 read back through the docx layout reader: the addressee once, the sections in
 * order, the deadline in Chinese, and the report's counts, table rows and evidence hashes.
 */
import { describe, expect, it } from 'vitest';
import { readDocxLayout } from '../layout/docx';
import { tablesOf, tableTexts, type Layout } from '../layout/model';
import { writeRectificationReport } from '../rectification-report/write-docx';
import { writeRectificationNotice } from './write-docx';

function layoutOf(bytes: Uint8Array): Layout {
  const result = readDocxLayout(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.layout;
}
const paragraphs = (layout: Layout) => layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('the rectification documents', () => {
  it('notice: to the unit once, the problem, basis, measures, the deadline in words and how to report back', async () => {
    const bytes = await writeRectificationNotice({
      number: '整改〔2025〕3号',
      issuer: '区财政局',
      unitName: '金花街道办事处',
      department: '广州市荔湾区金花街道办事处',
      responsiblePerson: '社会事务办',
      problem: '重复发放慰问金 22,000 元',
      basis: '巡察反馈意见',
      measures: '追回并建立发放台账',
      deadline: '2025-06-30',
      foundBy: '巡察',
      sourceReference: '荔巡反〔2024〕3号',
      projectName: null,
      date: '2025-03-01',
    });
    const text = paragraphs(layoutOf(bytes));
    expect(text).toContain('广州市荔湾区金花街道办事处：');
    expect(text.filter((t) => t.startsWith('一、') || t.startsWith('二、') || t.startsWith('三、') || t.startsWith('四、'))).toEqual(['一、存在的问题', '二、依据', '三、整改要求', '四、反馈方式']);
    expect(text).toContain('请于二〇二五年六月三十日前完成整改，由社会事务办负责落实。');
    expect(text.at(-1)).toBe('二〇二五年三月一日');
  });

  it('report: counts by state, the overdue named, one row per item and each file with its hash', async () => {
    const bytes = await writeRectificationReport({
      scope: '金花街道办事处',
      issuer: '区财政局',
      date: '2025-07-15',
      items: [
        { number: 1, unitName: '金花街道办事处', responsiblePerson: '社会事务办', problem: '重复发放慰问金', measures: '追回', deadline: '2025-06-30', statusLabel: '已销号', overdue: false, feedback: '已追回', evidence: [{ fileName: '凭证.pdf', sha256: 'ab'.repeat(32) }], verifiedAt: '2025-06-20' },
        { number: 2, unitName: '金花街道办事处', responsiblePerson: '党建工作办', problem: '党费欠缴', measures: '追缴', deadline: '2025-06-30', statusLabel: '整改中', overdue: true, feedback: null, evidence: [], verifiedAt: null },
      ],
    });
    const layout = layoutOf(bytes);
    const text = paragraphs(layout).join('\n');
    expect(text).toContain('共登记整改事项 2 项：已销号 1 项，已反馈待核实 0 项，整改中 1 项');
    expect(text).toContain('其中 1 项已超过整改期限仍未反馈。');
    expect(text).toContain('凭证.pdf（SHA-256 abababababababab…）');
    const rows = tableTexts(tablesOf(layout)[0]!);
    expect(rows.map((r) => r[0])).toEqual(['序号', '1', '2']);
    expect(rows[2]![4]).toContain('已逾期');
    expect(rows[2]![5]).toBe('尚未反馈');
  });
});
