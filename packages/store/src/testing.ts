/** Test documents for the store suite and the import benchmark (deterministic, no randomness). */
import { inferDirection, parseTarget, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';
import { buildDocument, buildIndicator, buildProject } from '../../core/src/testing/builders';

/** A department document exercising every stored part: two units, projects, key tasks with indicators, department indicators, problems. */
export function sampleDocument(overrides: Partial<PerformanceDocument> = {}): PerformanceDocument {
  const doc = buildDocument({
    kind: 'department-targets',
    department: '广州市荔湾区人民政府花地街道办事处',
    year: 2024,
    statedTotal: 3986.34,
    problems: [{ severity: 'warning', code: 'totals-do-not-reconcile', message: '合计与各项目之和不一致', location: { unit: '花地街道退役军人服务站', line: 12 } }],
    keyTasks: [
      {
        name: '基层党建',
        content: '加强基层党组织建设',
        funds: 999.53,
        expected: '党建工作全面提升',
        projects: ['党建活动经费', '社区服务'],
        indicators: [buildIndicator({ name: '党建活动场次', annual: '≥12场' }, 1)],
      },
      { name: '城市管理', content: null, funds: 1368.23, expected: null, projects: [] },
    ],
    indicators: [
      buildIndicator({ name: '重点工作完成率', annual: '100%', levels: '1-产出指标; 12-质量指标', explanation: '完成的重点工作/计划的重点工作', formula: '完成数÷计划数×100%' }, 1),
      buildIndicator({ name: '群众满意度', annual: '≥90%', period: '≥85%', levels: '3-满意度指标; 31-服务对象满意度' }, 2),
    ],
    ...overrides,
  });
  if (overrides.units === undefined) {
    doc.units = [
      {
        name: '广州市荔湾区人民政府花地街道办事处',
        code: '064001',
        statedAmount: 3111.77,
        nature: '行政单位',
        staffing: { authorized: 49, actual: 46 },
        projects: [
          buildProject({ name: '街消毒站病媒生物防治专职人员补贴', amount: 16.56, funding: { fiscal: 16.56, specialAccount: null, other: null }, no: 1 }),
          buildProject({ name: '党建活动经费', amount: 0.1, code: 'P-2024-002', category: '32-其他事业发展性支出', no: 2 }),
          buildProject({ name: '社区服务 100%_覆盖', amount: 0.2, description: '项目情况简介', no: 3 }),
        ],
      },
      {
        name: '花地街道退役军人服务站',
        code: '064005',
        statedAmount: null,
        projects: [buildProject({ name: '退役军人走访慰问', amount: null, funding: { fiscal: null, specialAccount: null, other: null }, indicators: [{ name: '走访人数', annual: '≥200人', period: null }] })],
      },
    ];
  }
  return doc;
}

const ROWS: Array<[string, string, string]> = [
  ['1-产出指标; 11-数量指标', '举办活动次数', '≥12次'],
  ['1-产出指标; 12-质量指标', '验收合格率', '100%'],
  ['1-产出指标; 13-时效指标', '补贴发放及时率', '100%'],
  ['2-效益指标; 22-社会效益', '居民居住环境', '提升'],
  ['3-满意度指标; 31-服务对象满意度', '服务对象满意度', '≥90%'],
];

/** `projects × perProject` indicators in one unit; amounts `(p % 1000) + 0.01 × (p % 100)` 万元. */
export function largeDocument(projects: number, perProject: number, department = '基准测试街道办事处'): PerformanceDocument {
  const targets = ROWS.map(([, name, text]) => ({ name, target: parseTarget(text) }));
  const list: Project[] = [];
  for (let p = 0; p < projects; p++) {
    const indicators: Indicator[] = [];
    for (let i = 0; i < perProject; i++) {
      const row = ROWS[i % ROWS.length]!;
      const { target } = targets[i % ROWS.length]!;
      const [l1 = '', l2 = ''] = row[0].split('; ');
      const [c1, n1] = l1.split('-');
      const [c2, n2] = l2.split('-');
      indicators.push({ no: i + 1, level1: n1 ?? null, level1Code: c1 ?? null, level2: n2 ?? null, level2Code: c2 ?? null, name: row[1], annualTarget: target, periodTarget: target, direction: inferDirection(row[1], target) });
    }
    const amount = (p % 1000) + (p % 100) / 100;
    list.push({ name: `社区服务项目${p + 1}`, code: `P${p + 1}`, amount, funding: { fiscal: amount, specialAccount: null, other: null }, category: null, description: null, goal: `项目${p + 1}：为辖区居民提供服务。`, indicators, no: p + 1 });
  }
  return buildDocument({ department, year: 2024, units: [{ name: department, code: null, statedAmount: null, projects: list }] });
}
