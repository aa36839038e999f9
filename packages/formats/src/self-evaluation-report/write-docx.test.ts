/**
 * The 自评报告's title is set on lines that never break inside a word, and the .docx carries them as its own
 * paragraphs (read back from word/document.xml).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { titleLines, writeSelfEvaluationReport } from './write-docx';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-title-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('titleLines', () => {
  it('the unit on its own line, then the year and the kind of report', () => {
    expect(titleLines('2024年度广州市荔湾区人民政府金花街道办事处项目支出绩效自评报告')).toEqual(['广州市荔湾区人民政府金花街道办事处', '2024年度项目支出绩效自评报告']);
    expect(titleLines('2023 年度广州市荔湾区人民政府金花街道办事处部门整体支出绩效自评报告')).toEqual(['广州市荔湾区人民政府金花街道办事处', '2023年度部门整体支出绩效自评报告']);
  });

  it('a name too long for one line is broken after its 人民政府, never inside a word', () => {
    const lines = titleLines('2024年度广州市荔湾区人民政府金花街道办事处社区服务中心项目支出绩效自评报告');
    expect(lines).toEqual(['广州市荔湾区人民政府', '金花街道办事处社区服务中心', '2024年度项目支出绩效自评报告']);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
  });

  it('a title of another form is kept whole', () => {
    expect(titleLines('绩效自评报告')).toEqual(['绩效自评报告']);
  });
});

describe('writeSelfEvaluationReport', () => {
  it('writes each title line as its own paragraph', async () => {
    const bytes = await writeSelfEvaluationReport({
      draft: { title: '2024年度广州市荔湾区人民政府金花街道办事处项目支出绩效自评报告', department: '广州市荔湾区人民政府金花街道办事处', year: 2024, sections: [{ heading: '一、基本情况', paragraphs: ['金花街道……'] }], problems: [], rule: 'cn-project-self-evaluation@1' },
      signedBy: '广州市荔湾区人民政府金花街道办事处',
      date: '2025-03-20',
    });
    const file = join(dir, 'report.docx');
    writeFileSync(file, bytes);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    const paragraphs = xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
    expect(paragraphs.slice(0, 2)).toEqual(['广州市荔湾区人民政府金花街道办事处', '2024年度项目支出绩效自评报告']);
  });
});
