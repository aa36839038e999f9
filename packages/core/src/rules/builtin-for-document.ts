/**
 * Which built-in rule set scores a document when no rule set is named or activated for its region and year.
 * Guangzhou's tables keep the Guangzhou scheme; the national (and Sichuan) forms, and documents of departments
 * elsewhere, get the national one. The signs are data on each rule set (`applicability`).
 */
import type { PerformanceDocument } from '../document/model';
import { BUILTIN_RULE_SETS } from './builtin';
import type { RuleScheme, RuleSet } from './rule-set';

/**
 * A department name that names a place (省, 市, 县, 区, 州, 盟, 旗): one not matching a regional rule set's words is
 * from elsewhere. A name that names no place (测试街道办事处) keeps the scheme's first built-in rule set, as before.
 */
const NAMES_A_PLACE = /省|市|县|区|自治州|盟|旗/;

type DocumentSigns = Pick<PerformanceDocument, 'department' | 'units' | 'source' | 'budget'>;

export interface BuiltinChoice {
  ruleSet: RuleSet<unknown>;
  /** Why this one, in Chinese, for the output. */
  reason: string;
}

export function builtinRuleSetFor(scheme: RuleScheme, doc: DocumentSigns | null, candidates: readonly RuleSet<unknown>[] = BUILTIN_RULE_SETS): BuiltinChoice {
  const ofScheme = candidates.filter((r) => r.scheme === scheme);
  const first = ofScheme[0];
  if (!first) throw new Error(`没有 ${scheme} 的内置规则集`);
  const national = ofScheme.find((r) => r.region === '全国');
  if (!doc || ofScheme.length === 1) return { ruleSet: first, reason: `内置规则集 ${first.name}` };
  const layout = doc.source?.layout ?? '';
  const scoredRows = hasScoredBudgetRows(doc);
  for (const r of ofScheme) {
    const a = r.applicability;
    if (!a) continue;
    if (layout && a.layoutWords?.some((w) => layout.includes(w))) return { ruleSet: r, reason: `文档版式「${layout}」适用${r.name}` };
    if (a.scoredBudgetRows && scoredRows) return { ruleSet: r, reason: `预算执行表列有分值/得分（国家或四川自评表样式），适用${r.name}` };
  }
  const names = [doc.department, ...doc.units.map((u) => u.name)].filter((n): n is string => !!n?.trim());
  for (const r of ofScheme) {
    const word = r.applicability?.departmentWords?.find((w) => names.some((n) => n.includes(w)));
    if (word) return { ruleSet: r, reason: `部门名称含「${word}」，适用${r.name}` };
  }
  const place = names.find((n) => NAMES_A_PLACE.test(n));
  if (national && place) return { ruleSet: national, reason: `部门「${place}」不属于已有地方规则集的地区，适用${national.name}` };
  return { ruleSet: first, reason: `内置规则集 ${first.name}` };
}

function hasScoredBudgetRows(doc: DocumentSigns): boolean {
  const rows = [...(doc.budget?.bySource ?? []), ...doc.units.flatMap((u) => u.projects.flatMap((p) => p.budget?.bySource ?? []))];
  return rows.some((r) => r.weight != null || r.score != null);
}
