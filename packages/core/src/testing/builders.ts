/**
 * Builders for documents in tests (`@jixiao/core/testing`, the package's "exports"): plain data with overrides, nothing shared between tests.
 * Targets go through the real R1 parser, so a test writes them as a document would (`≥90%`, `提升`).
 */
import type { BudgetUnit, Indicator, PerformanceDocument, Project } from '../document/model';
import { inferDirection, parseTarget } from '../target/parse-target';

type IndicatorInput = Partial<Omit<Indicator, 'annualTarget' | 'periodTarget'>> & {
  name: string;
  annual?: string | null;
  period?: string | null;
  /** `1-产出指标; 11-数量指标` style, split into code and name. */
  levels?: string;
};

export function buildIndicator(input: IndicatorInput, no = 1): Indicator {
  const { annual, period, levels, ...rest } = input;
  const [l1 = '', l2 = ''] = (levels ?? '1-产出指标; 11-数量指标').split(/[;；]\s*/);
  const split = (t: string) => {
    const m = /^(\d+)-(.+)$/.exec(t.trim());
    return m ? { code: m[1] ?? null, name: m[2] ?? null } : { code: null, name: t.trim() || null };
  };
  const a = split(l1);
  const b = split(l2);
  const annualTarget = annual === undefined ? parseTarget('100%') : parseTarget(annual);
  const periodTarget = period === undefined ? null : parseTarget(period);
  return {
    no,
    level1: a.name,
    level1Code: a.code,
    level2: b.name,
    level2Code: b.code,
    annualTarget,
    periodTarget,
    direction: inferDirection(input.name, annualTarget ?? periodTarget),
    ...rest,
  };
}

/** A project with a sensible complete set of indicators unless `indicators` is given. */
export function buildProject(input: Partial<Omit<Project, 'indicators'>> & { name: string; indicators?: IndicatorInput[] }): Project {
  const indicators = input.indicators ?? [
    { name: '举办活动次数', annual: '≥12次', levels: '1-产出指标; 11-数量指标' },
    { name: '活动覆盖率', annual: '≥90%', levels: '2-效益指标; 22-社会效益' },
    { name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' },
  ];
  return {
    code: null,
    amount: 10,
    funding: { fiscal: 10, specialAccount: null, other: null },
    category: null,
    description: null,
    goal: `${input.name}：按计划开展各项工作，提高服务质量。`,
    ...input,
    indicators: indicators.map((i, n) => buildIndicator(i, n + 1)),
  };
}

export function buildDocument(input: Partial<PerformanceDocument> & { projects?: Project[]; unitName?: string } = {}): PerformanceDocument {
  const { projects, unitName, ...rest } = input;
  const units: BudgetUnit[] = projects ? [{ name: unitName ?? '测试街道办事处', code: null, statedAmount: null, projects }] : [];
  return {
    format: 'jixiao/v1',
    kind: 'project-targets',
    department: '测试街道办事处',
    year: 2024,
    amountUnit: '万元',
    statedTotal: null,
    units,
    problems: [],
    ...rest,
  };
}
