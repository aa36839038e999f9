/**
 * Seeds with one line made hostile (a long run of spaces, a repeated `2024年`, a repeated `指标-`): each of these lines
 * hit a pattern that was quadratic or worse (the 部门名称 pattern took 57 s on 5,000 spaces). Asserts what is read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { departmentSelfEvaluationReport } from '../self-evaluation-report/read-text';
import { departmentSelfEvaluationTable } from '../department-self-evaluation-table/read-text';
import { departmentTargetReview } from '../review-opinion/read-text';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const SPACES = ' '.repeat(300_000);

describe('hostile lines in the seeds are read in linear time', () => {
  it('seed 004: a 部门名称 line with a long run of spaces before （部门）', () => {
    const text = seed('004_2c12f7b2ed482af0.txt').replace('部门名称 广州市荔湾区人民政府多宝街道办事处 （部门）', `部门名称 广州市荔湾区人民政府多宝街道办事处${SPACES}（部门）`);
    const doc = departmentSelfEvaluationTable.parse(text, { fileName: '004.txt' });
    expect(doc.department).toBe('广州市荔湾区人民政府多宝街道办事处');
    expect(departmentSelfEvaluationTable.parse(seed('004_2c12f7b2ed482af0.txt'), { fileName: '004.txt' }).department).toBe('广州市荔湾区人民政府多宝街道办事处');
  });

  it('seed 001: a title line with `2024年` repeated in front of the year', () => {
    const text = seed('001_c5157ef09bc22086.txt').replace('2023 年度广州市', `${'2024年'.repeat(60_000)}2023 年度广州市`);
    const doc = departmentSelfEvaluationReport.parse(text, { fileName: '001.txt' });
    expect(doc.keyTasks?.length).toBeGreaterThan(0);
    // The first year in front of the title is taken, as before the rewrite.
    expect(doc.year).toBe(2024);
  });

  it('seed 000: a 表4- caption line with `指标-` repeated', () => {
    const original = departmentTargetReview.parse(seed('000_33f7e9c75c02529b.txt'), { fileName: '000.txt' });
    const text = seed('000_33f7e9c75c02529b.txt').replace('表 4-1 产出指标-数量指标设置情况', `表 4-1 产出${'指标-'.repeat(100_000)}`);
    expect(text.length).toBeGreaterThan(300_000);
    const doc = departmentTargetReview.parse(text, { fileName: '000.txt' });
    expect(doc.department).toBe(original.department);
    expect(doc.indicators?.length ?? 0).toBeGreaterThan(0);
  });

  it('seed 003: a weight-table line with a long run of spaces and no slash weight', () => {
    const original = departmentSelfEvaluationReport.parse(seed('003_278ffe92ce2b05fd.txt'), { fileName: '003.txt' });
    const text = seed('003_278ffe92ce2b05fd.txt').replace('部门支出进度 / 30', `部门支出进度${SPACES}/ 30`);
    const doc = departmentSelfEvaluationReport.parse(text, { fileName: '003.txt' });
    expect(doc.keyTasks?.map((t) => t.name)).toEqual(original.keyTasks?.map((t) => t.name));
    expect(doc.profile?.statedFigures?.['部门支出进度权重']).toBe(30);
  });
});
