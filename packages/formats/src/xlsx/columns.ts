/**
 * The columns a project table can have, each with the titles districts write for it. The template writer uses the
 * first title of each column; the header finder accepts any of them (after normalising spaces, brackets and the
 * amount unit in brackets).
 */

export type ProjectField =
  | 'no'
  | 'unit'
  | 'unitCode'
  | 'code'
  | 'name'
  | 'amount'
  | 'fiscal'
  | 'specialAccount'
  | 'other'
  | 'category'
  | 'description'
  | 'goal'
  | 'compactIndicators'
  | 'indicatorNo'
  | 'level1Code'
  | 'level1'
  | 'level2Code'
  | 'level2'
  | 'indicatorName'
  | 'periodTarget'
  | 'annualTarget'
  | 'explanation'
  | 'formula'
  | 'direction';

export const PROJECT_FIELD_TITLES: Record<ProjectField, readonly string[]> = {
  no: ['序号', '编号', '项目序号'],
  unit: ['单位', '单位名称', '预算单位', '预算单位名称', '资金使用单位', '主管部门', '部门'],
  unitCode: ['单位编码', '预算单位编码', '单位代码'],
  code: ['项目编码', '项目代码', '项目编号'],
  name: ['项目名称', '项目名称（资金使用单位）', '项目名称(资金使用单位)', '项目'],
  amount: ['金额', '总计', '合计', '项目金额', '预算金额', '资金总额', '年度资金总额', '项目资金', '预算数', '项目预算', '申报金额', '资金金额'],
  fiscal: ['财政拨款', '一般公共预算', '一般公共预算拨款', '财政拨款资金', '本级财政拨款', '财政资金'],
  specialAccount: ['财政专户拨款', '财政专户', '财政专户管理资金', '专户资金'],
  other: ['其他资金', '其他', '其他来源', '单位自有资金'],
  category: ['项目类别', '项目类型', '支出类别', '项目分类'],
  description: ['项目情况简介', '项目简介', '项目概况', '项目内容'],
  goal: ['绩效目标', '年度绩效目标', '项目绩效目标', '项目年度绩效目标', '总体目标'],
  compactIndicators: ['绩效指标', '绩效指标及指标值', '指标及指标值'],
  indicatorNo: ['指标序号'],
  level1Code: ['一级指标编码', '一级指标代码'],
  level1: ['一级指标'],
  level2Code: ['二级指标编码', '二级指标代码'],
  level2: ['二级指标'],
  indicatorName: ['三级指标', '三级指标名称', '指标名称', '绩效指标名称'],
  periodTarget: ['实施周期指标值', '实施期指标值', '实施周期目标值', '中长期指标值', '实施周期'],
  annualTarget: ['年度指标值', '年度目标值', '指标值', '目标值', '预期指标值'],
  explanation: ['指标解释', '指标含义', '指标说明'],
  formula: ['计算公式', '说明及公式', '指标计算公式', '计算方法', '评（扣）分标准'],
  direction: ['指标方向'],
};

/** Normalises a header cell: no white space, ASCII brackets, no required-field asterisk, no trailing colon. */
export function normalizeTitle(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[:：]$/, '');
}

/** The amount unit a title names in brackets: `金额(万元)` → 万元. */
export function unitInTitle(text: string): '万元' | '元' | null {
  const m = /\((万元|元)\)/.exec(normalizeTitle(text));
  return (m?.[1] as '万元' | '元' | undefined) ?? null;
}

/** A title without its bracketed part: `项目名称(资金使用单位)` → 项目名称, `金额(万元)` → 金额. */
function withoutBrackets(text: string): string {
  return text.replace(/\([^)]*\)/g, '');
}

const LOOKUP = new Map<string, ProjectField>();
for (const [field, titles] of Object.entries(PROJECT_FIELD_TITLES) as Array<[ProjectField, readonly string[]]>) {
  for (const t of titles) {
    const key = normalizeTitle(t);
    if (!LOOKUP.has(key)) LOOKUP.set(key, field);
  }
}

/** The field a header cell names, or undefined. */
export function fieldOfTitle(text: string, lookup: ReadonlyMap<string, string> = LOOKUP): ProjectField | undefined {
  const t = normalizeTitle(text);
  if (!t) return undefined;
  return (lookup.get(t) ?? lookup.get(withoutBrackets(t))) as ProjectField | undefined;
}

/** Builds a title → field lookup for another table (the department template's sheets). */
export function titleLookup<F extends string>(titles: Record<F, readonly string[]>): Map<string, F> {
  const map = new Map<string, F>();
  for (const [field, list] of Object.entries(titles) as Array<[F, readonly string[]]>) {
    for (const t of list) {
      const key = normalizeTitle(t);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
}
