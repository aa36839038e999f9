/**
 * Text built to make the general reader's patterns slow: one 300 K line of digits, of commas, of label words run
 * together, a label with 100 K spaces. Each is read or refused (never hangs the worker, never throws); before the
 * length guards one such line took minutes (fuzz seed 001, round 149).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';

const HOSTILE: Array<[string, string]> = [
  ['digits', `项目支出绩效自评表\n项目名称${'9'.repeat(300_000)}分`],
  ['commas', `项目支出绩效目标表\n项目名称 ${'1,'.repeat(150_000)}万元`],
  ['labels', `项目支出绩效目标表${'项目名称一级指标产出指标数量指标=1'.repeat(15_000)}`],
  ['spaces', `项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 场次${' '.repeat(100_000)}≥1${' '.repeat(100_000)}场`],
  ['report', `2020年度部门整体支出绩效评价报告\n一、自评得分情况\n综合评分为${'9'.repeat(200_000)}分。`],
];

describe('hostile text through the general reader', () => {
  it.each(HOSTILE)('%s: read or refused with a reason naming the file', async (name, text) => {
    const result = await readDocument({ fileName: `${name}.txt`, bytes: new TextEncoder().encode(text) });
    const sound = result.ok ? Array.isArray(result.document.units) : result.error.message.startsWith(`${name}.txt: `);
    expect(sound).toBe(true);
  }, 15_000);
});
