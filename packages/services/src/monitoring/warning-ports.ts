/**
 * What monitoring warnings (预警, issue 14 item 8) need of the store: the warnings raised when a report was submitted,
 * each with its deadline, and the unit's answers to them — both append-only; the latest answer counts, the earlier
 * ones are the history.
 */
import type { MonitoringWarningRule } from '@jixiao/core';

export interface NewMonitoringWarning {
  evaluationId: number;
  key: string;
  lineKey: string;
  label: string;
  rule: MonitoringWarningRule;
  setting: string;
  reason: string;
  ruleSet: { id: string; version: number };
  /** `YYYY-MM-DD`, Beijing: the last day to answer. */
  due: string;
  issuedBy: string;
}

export interface StoredWarningResponse {
  id: number;
  warningId: number;
  /** 继续执行 / 调剂 / 取消 (the rule set's `warnings.responses`). */
  response: string;
  explanation: string;
  by: string;
  /** ISO 8601, UTC. */
  at: string;
}

export interface StoredMonitoringWarning extends NewMonitoringWarning {
  id: number;
  /** ISO 8601, UTC. */
  issuedAt: string;
  /** Oldest first; empty while unanswered. */
  responses: StoredWarningResponse[];
}

export interface MonitoringWarningStore {
  /** Records the warnings of a report; one already recorded for the report under the same key is kept, not repeated (a resubmission). */
  issueWarnings(warnings: readonly NewMonitoringWarning[]): Promise<StoredMonitoringWarning[]>;
  /** The warnings of these reports with their answers, in the order raised. */
  listWarnings(filter: { evaluationIds: readonly number[] }): Promise<StoredMonitoringWarning[]>;
  /** Appends an answer; throws NOT_FOUND when the warning does not exist. */
  respond(input: Omit<StoredWarningResponse, 'id' | 'at'>): Promise<StoredWarningResponse>;
}
