/**
 * A rectification item (整改事项, issue 14 item 2): a problem found by a review, a monitoring red or yellow line, a
 * self-evaluation, an evaluation or an outside inspection (巡察、审计), what it rests on (依据), what is to be done
 * (整改措施), who answers for it (责任单位/责任人) and by when (期限, a Beijing date). What is checked here is what a
 * person typed; the messages name the field.
 */
export type RectificationSourceKind = 'review' | 'monitoring' | 'self-evaluation' | 'evaluation' | 'inspection';

export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSourceKind, string> = {
  review: '目标审核发现',
  monitoring: '运行监控预警',
  'self-evaluation': '绩效自评',
  evaluation: '绩效评价',
  inspection: '外部检查（巡察、审计等）',
};

export const RECTIFICATION_SOURCE_KINDS = Object.keys(RECTIFICATION_SOURCE_LABELS) as RectificationSourceKind[];

/** Where the problem came from: its kind, the object it was found on (a document, a report) and a reference people read (文号, finding). */
export interface RectificationSource {
  kind: RectificationSourceKind;
  /** The target document (review), the report (monitoring, self-evaluation); null for an outside inspection. */
  documentId: number | null;
  evaluationId: number | null;
  /** The finding id or the monitoring line's key, so the same problem is not raised twice. */
  key: string | null;
  /** 巡察反馈意见、审计报告的文号, or the finding's wording: required for an outside inspection. */
  reference: string | null;
}

export interface RectificationDraft {
  departmentId: number | null;
  /** 责任单位 (a budget unit's name, or the department itself). */
  unitName: string;
  /** 责任人. */
  responsiblePerson: string;
  problem: string;
  basis: string;
  measures: string;
  /** 整改期限, `YYYY-MM-DD` (Beijing). */
  deadline: string;
  /** The project concerned, when there is one (results use asks about a project's open items). */
  projectName: string | null;
  source: RectificationSource;
}

export interface RectificationDraftProblem {
  field: keyof RectificationDraft | 'source.reference';
  message: string;
}

const FIELD_LABELS = { unitName: '责任单位', responsiblePerson: '责任人', problem: '问题', basis: '依据', measures: '整改措施' } as const;

/** A calendar date that exists: `2025-02-30` is not one. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** What is missing or wrong in a new item, each naming its field; empty when it may be created. `today`: Beijing date. */
export function checkRectificationDraft(draft: RectificationDraft, today: string): RectificationDraftProblem[] {
  const problems: RectificationDraftProblem[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS) as Array<[keyof typeof FIELD_LABELS, string]>) {
    if (draft[field].trim() === '') problems.push({ field, message: `请填写「${label}」。` });
  }
  if (draft.departmentId === null) problems.push({ field: 'departmentId', message: '请选择责任单位所在的部门（街道）。' });
  if (!isCalendarDate(draft.deadline)) problems.push({ field: 'deadline', message: `「整改期限」应为日期，例如 2025-06-30（收到的是「${draft.deadline}」）。` });
  else if (draft.deadline < today) problems.push({ field: 'deadline', message: `「整改期限」${draft.deadline} 已早于今天（${today}），请定一个今后的日期。` });
  if (draft.source.kind === 'inspection' && (draft.source.reference ?? '').trim() === '') {
    problems.push({ field: 'source.reference', message: '外部检查发现的问题须写明来源（例如巡察反馈意见的文号）。' });
  }
  return problems;
}
