/**
 * What a check sees: the document, the settings of the rule set, every indicator with where it sits, and a way to
 * report a finding. Checks never change the document.
 */
import type { BudgetUnit, Indicator, KeyTask, PerformanceDocument, Project } from '../document/model';
import { ruleSetRef, type RuleSet } from '../rules/rule-set';
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

export function createContext(doc: PerformanceDocument, ruleSet: RuleSet<ReviewSettings>, out: Finding[]): ReviewContext {
  const settings = ruleSet.settings;
  const rule = ruleSetRef(ruleSet);
  return {
    doc,
    settings,
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
 * A short stable key (FNV-1a, 32 bits, hex) of what identifies a finding: the check, the place and the evidence.
 * The same problem found again after a re-import has the same key, so a reviewer's dismissal still applies.
 */
export function findingKey(check: string, location: FindingLocation, evidence: string): string {
  const text = [check, location.unit, location.project, location.keyTask, location.indicator, location.field, evidence].join('\u0001');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${check}:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
