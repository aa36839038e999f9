/**
 * The project reader on hand-made grids, as a .docx or .xlsx gives them (merged cells once, with spans): the shapes
 * the real samples do not cover — the 88号 申报表 with its 中期 and 年度 grids side by side, renamed and reordered
 * columns, 元 vs 万元, placeholder rows, and a district's own synonym added without code.
 */
import { listProjects } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../layout/model';
import { readRecognisedLayout } from './read-recognised';
import { grid, paragraph, readLayout } from './testing-layouts';
import { buildVocabulary } from './vocabulary';

describe('project target grids', () => {
  it('88号 申报表: 中期 and 年度 indicator grids side by side become one indicator with both targets', () => {
    const layout: Layout = {
      source: 'docx',
      blocks: [
        paragraph('项目支出绩效目标申报表'),
        paragraph('（2024年度）'),
        grid([
          [['项目名称', 0], ['社区养老服务补贴', 1, 1, 7]],
          [['主管部门及代码', 0], ['102-民政局', 1, 1, 3], ['实施单位', 4], ['某街道办事处', 5, 1, 3]],
          [['绩效指标', 0, 3], ['一级指标', 1], ['二级指标', 2], ['三级指标', 3], ['指标值', 4], ['一级指标', 5], ['二级指标', 6], ['三级指标', 7], ['指标值', 8]],
          [['产出指标', 1, 2], ['数量指标', 2], ['服务老人人次', 3], ['≥6000人次', 4], ['产出指标', 5, 2], ['数量指标', 6], ['服务老人人次', 7], ['≥2000人次', 8]],
          [['时效指标', 2], ['补贴发放及时率', 3], ['100%', 4], ['时效指标', 6], ['补贴发放及时率', 7], ['100%', 8]],
        ]),
      ],
    };
    const doc = readLayout(layout, 'side-by-side.docx');
    const { project } = listProjects(doc)[0]!;
    expect(project!.name).toBe('社区养老服务补贴');
    expect(doc.department).toBe('民政局');
    expect(doc.year).toBe(2024);
    expect(project!.indicators.map((i) => [i.level1, i.level2, i.name, i.periodTarget?.text, i.annualTarget?.text])).toEqual([
      ['产出指标', '数量指标', '服务老人人次', '≥6000人次', '≥2000人次'],
      ['产出指标', '时效指标', '补贴发放及时率', '100%', '100%'],
    ]);
  });

  it('columns renamed and reordered (指标名称 before 二级, 目标值, 计量单位 apart), placeholders and “—” dropped', () => {
    const layout: Layout = {
      source: 'xlsx',
      blocks: [
        paragraph('项目绩效目标表'),
        paragraph('金额单位：元'),
        grid([
          [['项目名称', 0], ['垃圾分类宣传', 1, 1, 4]],
          [['预算数', 0], ['125,000.00', 1, 1, 4]],
          [['一级指标', 0], ['指标名称', 1], ['二级指标', 2], ['计量单位', 3], ['目标值', 4]],
          [['产出', 0, 3], ['宣传活动场次', 1], ['数量指标', 2], ['场', 3], ['12', 4]],
          [['指标2', 1], ['', 2], ['', 3], ['—', 4]],
          [['宣传资料发放及时率', 1], ['时效指标', 2], ['%', 3], ['≥95', 4]],
        ]),
      ],
    };
    const doc = readLayout(layout, 'renamed.xlsx');
    expect(doc.amountUnit).toBe('元');
    const { project } = listProjects(doc)[0]!;
    expect(project!.amount).toBe(125000);
    expect(project!.indicators.map((i) => [i.level1, i.level2, i.name, i.annualTarget?.value, i.annualTarget?.unit])).toEqual([
      ['产出指标', '数量指标', '宣传活动场次', 12, '场'],
      ['产出指标', '时效指标', '宣传资料发放及时率', 95, '%'],
    ]);
  });

  it('a district synonym added in its own vocabulary file is enough to read its column', () => {
    const layout: Layout = {
      source: 'docx',
      blocks: [
        paragraph('项目支出绩效目标表'),
        grid([
          [['项目名称', 0], ['河道保洁', 1, 1, 3]],
          [['一级指标', 0], ['二级指标', 1], ['三级指标', 2], ['预期绩效', 3]],
          [['产出指标', 0], ['质量指标', 1], ['河道保洁达标率', 2], ['≥90%', 3]],
        ]),
      ],
    };
    const plain = readRecognisedLayout(layout, 'district.docx');
    // Without the word the grid has no value column: nothing is read (refused, or a project without indicators).
    expect(plain.ok ? listProjects(plain.document)[0]!.project.indicators.length : 0).toBe(0);
    const district = buildVocabulary({ indicatorColumns: { annualTarget: ['预期绩效'] } });
    const r = readRecognisedLayout(layout, 'district.docx', district);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(listProjects(r.document)[0]!.project.indicators[0]!.annualTarget).toMatchObject({ op: '>=', value: 90, unit: '%' });
  });

  it('a recognised form with nothing filled in is refused, not an empty success', () => {
    const layout: Layout = {
      source: 'docx',
      blocks: [paragraph('项目支出绩效目标表'), grid([[['项目名称', 0], ['', 1]], [['一级指标', 0], ['二级指标', 1], ['三级指标', 2], ['指标值', 3]]])],
    };
    const r = readRecognisedLayout(layout, 'blank.docx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('nothing-read');
    expect(r.error.message).toContain('blank.docx');
    expect(r.error.message).toContain('项目支出绩效目标表');
  });
});
