/**
 * Rule sets are versioned data (docs/decisions/003-rule-sets.md): every threshold, weight, word list and
 * severity a check or a score uses is a setting here, and every result records `id@version` of the rule set
 * that produced it, so an old evaluation can be reproduced after the rules change.
 */

export type RuleScheme = 'target-review' | 'project-self-evaluation' | 'department-self-evaluation' | 'monitoring' | 'results-use';

/** A policy document a rule set follows: its 文号 and title. */
export interface RuleSource {
  docNo: string;
  title: string;
  /** What this rule set takes from it, or how sure we are of it (research-rules.md). */
  note?: string;
}

export interface RuleSet<Settings> {
  id: string;
  version: number;
  scheme: RuleScheme;
  name: string;
  /** 全国, 广东省, 广州市荔湾区 … */
  region: string;
  /** Budget years it applies to; null means open-ended. */
  years: { from: number | null; to: number | null };
  sources: RuleSource[];
  /** The rule set this one was copied from (`id@version`), when an admin derived it. */
  basedOn?: string | null;
  /** Which documents a built-in rule set is picked for when nothing is activated (rules/builtin-for-document.ts). */
  applicability?: RuleSetApplicability;
  settings: Settings;
}

/**
 * What marks a document as one a rule set is written for. Data, not code: a region's place names, and the signs of
 * the national (and Sichuan) forms that Guangzhou's tables do not have.
 */
export interface RuleSetApplicability {
  /** The department (or first unit) names one of these (广州, 荔湾区 …). */
  departmentWords?: string[];
  /** The source layout id contains one of these (the general reader of national forms: `/project-tables`). */
  layoutWords?: string[];
  /** The budget table carries a 分值 / 得分 column (项目支出绩效自评表 `年度资金总额 … 分值 10 … 得分`, Sichuan `权重`). */
  scoredBudgetRows?: boolean;
}

/** `id@version`, the reference every score and finding stores. */
export function ruleSetRef(ruleSet: Pick<RuleSet<unknown>, 'id' | 'version'>): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}

/**
 * The rule set as a person reads it, on pages and in the official documents: its name and the 文号 it follows
 * (「项目支出绩效自评（财预〔2020〕10号）（依据财预〔2021〕101号）」), never the `id@version` the records keep.
 */
export function ruleSetTitle(ruleSet: Pick<RuleSet<unknown>, 'name' | 'sources'>): string {
  const docNos = ruleSet.sources.map((s) => /[\p{Script=Han}]+〔\d{4}〕\d+号/u.exec(s.docNo)?.[0]).filter((n): n is string => Boolean(n) && !ruleSet.name.includes(n!));
  const unique = [...new Set(docNos)].slice(0, 3);
  return unique.length ? `${ruleSet.name}（依据${unique.join('、')}）` : ruleSet.name;
}

/** True when the rule set applies to the budget year. */
export function appliesToYear(ruleSet: Pick<RuleSet<unknown>, 'years'>, year: number): boolean {
  const { from, to } = ruleSet.years;
  return (from === null || year >= from) && (to === null || year <= to);
}
