/**
 * What a check sees: the document, the settings of the rule set, every indicator with where it sits, and a way to
 * report a finding. Checks never change the document.
 */
import type { BudgetUnit, Indicator, KeyTask, PerformanceDocument, Project } from '../document/model';
import { ruleSetRef, type RuleSet } from '../rules/rule-set';
import { indexBenchmarks, type BenchmarkIndex, type TargetBenchmark } from './benchmarks';
import type { ReviewSettings } from './settings';
import type { CheckId, Dimension, Finding, FindingLocation, Severity } from './types';

/** One indicator and the place it sits: a project's, the department's, or a key task's. */
export interface IndicatorSite {
  indicator: Indicator;
  unit: BudgetUnit | null;
  project: Project | null;
  keyTask: KeyTask | null;
}

export interface ReviewContext {
  doc: PerformanceDocument;
  settings: ReviewSettings;
  /** Every indicator of the document, in reading order. */
  sites: IndicatorSite[];
  /** Every project with its unit, in reading order. */
  projects: Array<{ unit: BudgetUnit; project: Project }>;
  /** What comparable units set, by `benchmarkKey` (empty when none were given: `target-outlier` then skips). */
  benchmarks: BenchmarkIndex;
  report(input: ReportInput): void;
}

export interface ReportInput {
  check: CheckId;
  dimension: Dimension;
  location: FindingLocation;
  message: string;
  suggestion: string;
  evidence: string;
  /** Overrides the rule set's default severity for this one finding (e.g. a mismatch seen only in names). */
  severity?: Severity;
}

export function listIndicatorSites(doc: PerformanceDocument): IndicatorSite[] {
  const sites: IndicatorSite[] = [];
  for (const unit of doc.units) {
    for (const project of unit.projects) {
      for (const indicator of project.indicators) sites.push({ indicator, unit, project, keyTask: null });
    }
  }
  for (const indicator of doc.indicators ?? []) sites.push({ indicator, unit: null, project: null, keyTask: null });
  for (const keyTask of doc.keyTasks ?? []) {
    for (const indicator of keyTask.indicators ?? []) sites.push({ indicator, unit: null, project: null, keyTask });
  }
  return sites;
}

/** Where an indicator is, for a finding. */
export function siteLocation(site: IndicatorSite, field?: string): FindingLocation {
  const location: FindingLocation = { indicator: site.indicator.no, indicatorName: site.indicator.name };
  if (site.unit) location.unit = site.unit.name;
  if (site.project) location.project = site.project.name;
  if (site.keyTask) location.keyTask = site.keyTask.name;
  if (field) location.field = field;
  return location;
}

export function createContext(doc: PerformanceDocument, ruleSet: RuleSet<ReviewSettings>, out: Finding[], benchmarks: readonly TargetBenchmark[] = []): ReviewContext {
  const settings = ruleSet.settings;
  const rule = ruleSetRef(ruleSet);
  return {
    doc,
    settings,
    benchmarks: indexBenchmarks(benchmarks),
    sites: listIndicatorSites(doc),
    projects: doc.units.flatMap((unit) => unit.projects.map((project) => ({ unit, project }))),
    report(input) {
      const severity = input.severity ?? settings.severities[input.check];
      out.push({
        key: findingKey(input.check, input.location, input.evidence),
        check: input.check,
        severity,
        dimension: input.dimension,
        location: input.location,
        message: input.message,
        suggestion: input.suggestion,
        evidence: input.evidence,
        rule,
      });
    },
  };
}

/**
 * A stable key (64 bits as hex: FNV-1a and a second multiplicative hash) of what identifies a finding: the check,
 * the place and the evidence. The same problem found again after a re-import has the same key, so a reviewer's
 * dismissal still applies. 64 bits keep keys unique across a whole district's year (32 bits collide by the thousand).
 */
export function findingKey(check: string, location: FindingLocation, evidence: string): string {
  const h: [number, number] = [0x811c9dc5, 0x01234567];
  mixInto(h, check);
  mixInto(h, location.unit);
  mixInto(h, location.project);
  mixInto(h, location.keyTask);
  mixInto(h, location.indicator === undefined ? undefined : String(location.indicator));
  mixInto(h, location.field);
  mixInto(h, evidence);
  return `${check}:${(h[0] >>> 0).toString(16).padStart(8, '0')}${(h[1] >>> 0).toString(16).padStart(8, '0')}`;
}

/** Mixes one part into both hashes, then a separator so ('ab','c') and ('a','bc') differ. */
function mixInto(h: [number, number], part: string | undefined): void {
  let a = h[0];
  let b = h[1];
  if (part !== undefined) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
  }
  h[0] = Math.imul(a ^ 1, 0x01000193);
  h[1] = Math.imul(b ^ 1, 0x5bd1e995) ^ (b >>> 15);
}
