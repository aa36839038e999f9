/**
 * A cut-off document (the reader's `document-incomplete`) is not an error for what is cut off; a 数量指标 with a %
 * target must name a rate or share. Wording from seed 002 (节选, pages 1–5) and samples 01 (青神) and 02 (大英).
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../document/model';
import { buildDocument, buildProject } from '../../testing/builders';
import { missingLevel1 } from './missing-level1';
import { runCheck } from './test-helpers';
import { unitMismatch } from './unit-mismatch';
import { weightSum } from './weight-sum';

const cutAtEnd: Problem = {
  severity: 'info',
  code: 'document-incomplete',
  message: '文档在指标「完成安可产品购买并按要求支付资金」处中断，后面的内容没有读到：请核对文件是否完整',
  location: { file: '02_sichuan-daying_project-selfeval_2023.txt' },
};

const noSatisfaction = (name: string) =>
  buildProject({
    name,
    indicators: [
      { name: '工资福利发放率', annual: '100%', levels: '1-产出指标; 11-数量指标', weight: 50 },
      { name: '资金拨付使用率', annual: '100%', levels: '2-效益指标; 22-社会效益', weight: 30 },
    ],
  });

describe('missing-level1 on a cut-off document', () => {
  it('keeps the error for a complete project and says info, with the reason, for the one the file breaks off in', () => {
    const doc = buildDocument({ kind: 'project-self-evaluation', projects: [noSatisfaction('社区两委干部补贴'), noSatisfaction('2023年全县安可替代补助资金项目')], problems: [cutAtEnd] });
    const found = runCheck(missingLevel1, doc);
    expect(found.map((f) => [f.location.project, f.severity])).toEqual([
      ['社区两委干部补贴', 'error'],
      ['2023年全县安可替代补助资金项目', 'info'],
    ]);
    expect(found[1]!.message).toContain('文档不完整');
    expect(found[1]!.message).toContain('完成安可产品购买并按要求支付资金');
    expect(found[0]!.message).not.toContain('文档不完整');
  });

  it('downgrades a project the problem names, wherever it sits', () => {
    const named: Problem = { severity: 'info', code: 'document-incomplete', message: '项目「社区两委干部补贴」没有读到总分（合计）行，文档可能不完整：未读到的部分不作判断', location: { project: '社区两委干部补贴' } };
    const doc = buildDocument({ kind: 'project-self-evaluation', projects: [noSatisfaction('社区两委干部补贴'), noSatisfaction('综治信访维稳等专项工作经费')], problems: [named] });
    expect(runCheck(missingLevel1, doc).map((f) => [f.location.project, f.severity])).toEqual([
      ['社区两委干部补贴', 'info'],
      ['综治信访维稳等专项工作经费', 'error'],
    ]);
  });
});

describe('weight-sum on a cut-off document', () => {
  it('reports 50 + 30 of 90 as an error in a whole file and as info in the project the file breaks off in', () => {
    const whole = buildDocument({ kind: 'project-self-evaluation', projects: [noSatisfaction('工资性支出')] });
    expect(runCheck(weightSum, whole).map((f) => f.severity)).toEqual(['error']);
    const cut = buildDocument({ kind: 'project-self-evaluation', projects: [noSatisfaction('工资性支出')], problems: [cutAtEnd] });
    const [f, ...rest] = runCheck(weightSum, cut);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', location: { project: '工资性支出', field: '分值' } });
    expect(f!.message).toContain('各指标分值之和为 80');
    expect(f!.message).toContain('未读到的部分不作判断');
  });
});

const doc = (name: string, annual: string, levels = '1-产出指标; 11-数量指标') => buildDocument({ projects: [buildProject({ name: '工资性支出', indicators: [{ name, annual, levels }] })] });

describe('unit-mismatch: a 数量指标 with a percentage target', () => {
  it('finds a count written as a percentage when the name names no rate or share', () => {
    const [f] = runCheck(unitMismatch, doc('完成安可产品购买', '100%'));
    expect(f?.message).toBe('指标「完成安可产品购买」是数量指标，目标值却是百分比，名称也没有写明是哪个比率。');
    expect(f?.suggestion).toContain('…比例');
  });
  it('accepts a name with 率, 比例, 占比 or 覆盖面 (sample 01: 发放(缴纳)覆盖率 = 100%)', () => {
    for (const name of ['发放(缴纳)覆盖率', '困难群众救助比例', '本地采购占比', '宣传覆盖面']) expect(runCheck(unitMismatch, doc(name, '=100%'))).toEqual([]);
  });
  it('leaves a % target under other 二级 to the other rules', () => {
    expect(runCheck(unitMismatch, doc('完成安可产品购买并按要求支付资金', '=100%', '1-产出指标; 12-质量指标'))).toEqual([]);
  });
});
