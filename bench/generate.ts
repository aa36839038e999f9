/**
 * Generated documents for the benchmarks: many projects with indicators written the way real tables write them,
 * with a realistic mix of the problems the review looks for (qualitative targets, process measures, missing
 * 满意度, level mismatches, copied texts). Deterministic (seeded), so runs are comparable.
 */
import { inferDirection, parseActual, parseTarget, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ROWS: Array<[string, string, string, string]> = [
  ['1-产出指标', '11-数量指标', '举办活动次数', '≥12次'],
  ['1-产出指标', '12-质量指标', '验收合格率', '100%'],
  ['1-产出指标', '13-时效指标', '补贴发放及时率', '100%'],
  ['1-产出指标', '12-质量指标', '环卫保洁质量', '优良'],
  ['2-效益指标', '22-社会效益', '资金拨付使用率', '100%'],
  ['2-效益指标', '22-社会效益', '居民居住环境', '提升'],
  ['2-效益指标', '22-社会效益', '禁毒宣传覆盖率', '≥90%'],
  ['3-满意度指标', '31-服务对象满意度', '服务对象满意度', '≥90%'],
  ['3-满意度指标', '12-质量指标', '职工满意度指标', '≥95%'],
  ['2-效益指标', '31-服务对象满意度', '群众满意度', '≥60%'],
  ['1-产出指标', '13-时效指标', '物业管理服务响应时长', '≦2个小时'],
  ['2-效益指标', '21-经济效益', '租金支付及时率', '100%'],
];

const split = (t: string) => {
  const [code, name] = t.split('-');
  return { code: code ?? null, name: name ?? null };
};

export function generateIndicator(rand: () => number, no: number, withActual: boolean): Indicator {
  const [l1, l2, name, target] = ROWS[Math.floor(rand() * ROWS.length)]!;
  const a = split(l1);
  const b = split(l2);
  const annualTarget = parseTarget(target);
  const periodTarget = rand() < 0.05 ? parseTarget('80%') : annualTarget;
  const indicator: Indicator = { no, level1: a.name, level1Code: a.code, level2: b.name, level2Code: b.code, name, annualTarget, periodTarget, direction: inferDirection(name, annualTarget) };
  if (withActual) indicator.actual = annualTarget?.value != null ? parseActual(`${Math.round(annualTarget.value * (0.7 + rand() * 0.6))}${annualTarget.unit ?? ''}`) : null;
  return indicator;
}

/** A project-targets document with `projects × indicatorsPerProject` indicators. */
export function generateDocument(projects: number, indicatorsPerProject: number, seed = 1): PerformanceDocument {
  const rand = rng(seed);
  const list: Project[] = [];
  for (let p = 0; p < projects; p++) {
    const indicators = Array.from({ length: indicatorsPerProject }, (_, i) => generateIndicator(rand, i + 1, false));
    list.push({
      name: `社区服务项目${p + 1}`,
      code: null,
      amount: Math.round(rand() * 100_000) / 100,
      funding: { fiscal: null, specialAccount: null, other: null },
      category: null,
      description: null,
      goal: rand() < 0.1 ? '按计划开展社区服务工作，提高居民满意度，完成年度各项任务目标，确保资金使用规范有效。' : `项目${p + 1}：为辖区居民提供服务${p}次，提升服务质量。`,
      indicators,
    });
  }
  return {
    format: 'jixiao/v1',
    kind: 'project-targets',
    department: '基准测试街道办事处',
    year: 2024,
    amountUnit: '万元',
    statedTotal: null,
    units: [{ name: '基准测试街道办事处', code: null, statedAmount: null, projects: list }],
    problems: [],
  };
}

export { rng };
