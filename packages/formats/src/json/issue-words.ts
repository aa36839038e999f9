/**
 * Validation issues of a jixiao/v1 document in words a person can act on: the place as a Chinese path
 * (「第 1 个单位第 1 个项目第 1 个指标的年度指标值」) and what was expected there (「应为数字，现为文字 "九十"」).
 * The issue shape is read structurally (zod's issues), so formats does not depend on zod.
 */

/** The parts of a schema issue this module reads. */
export interface SchemaIssue {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  input?: unknown;
  expected?: string;
  values?: ReadonlyArray<unknown>;
  keys?: ReadonlyArray<string>;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/** What one element of a list is called, by the key of the list. */
const ELEMENT_NOUNS: Record<string, string> = {
  units: '单位',
  projects: '项目',
  indicators: '指标',
  keyTasks: '重点任务',
  problems: '问题',
  bySource: '资金来源行',
  restatements: '重述',
  projectLines: '项目明细行',
};

/** Field labels; `parent.key` entries win where a key means something else under that parent. */
const FIELD_LABELS: Record<string, string> = {
  format: '格式标识',
  kind: '文档类型',
  department: '部门',
  year: '年度',
  amountUnit: '金额单位',
  statedTotal: '合计金额',
  units: '单位列表',
  problems: '问题列表',
  source: '来源',
  keyTasks: '重点任务列表',
  indicators: '指标列表',
  profile: '部门概况',
  budget: '预算执行',
  statedExecutionRate: '填报的预算执行率',
  statedAdjustmentRate: '填报的预算调整率',
  statedScore: '填报的得分',
  statedGrade: '填报的等级',
  goalText: '绩效目标',
  goalCompletion: '目标完成情况',
  issuesText: '存在的问题',
  improvementsText: '改进措施',
  restatements: '重述列表',
  name: '名称',
  code: '编码',
  statedAmount: '填报金额',
  projects: '项目列表',
  nature: '单位性质',
  staffing: '人员编制',
  amount: '金额',
  funding: '资金来源',
  fiscal: '财政拨款',
  specialAccount: '财政专户',
  other: '其他资金',
  category: '项目类别',
  description: '项目概况',
  goal: '绩效目标',
  no: '序号',
  periodGoal: '实施周期目标',
  level1: '一级指标',
  level1Code: '一级指标编码',
  level2: '二级指标',
  level2Code: '二级指标编码',
  periodTarget: '实施周期指标值',
  annualTarget: '年度指标值',
  direction: '指标方向',
  explanation: '指标解释',
  formula: '计算公式',
  weight: '分值',
  actual: '实际完成值',
  tier: '完成程度',
  score: '得分',
  deviationReason: '偏差原因',
  text: '文字',
  op: '运算符',
  value: '数值',
  unit: '计量单位',
  content: '内容',
  funds: '资金',
  expected: '预期目标',
  completion: '完成情况',
  statedProjectTotal: '填报的项目合计',
  initial: '年初预算数',
  adjustment: '调整数',
  adjusted: '全年预算数',
  spent: '全年执行数',
  basic: '基本支出',
  project: '项目支出',
  reason: '原因',
  severity: '严重程度',
  message: '说明',
  location: '位置',
  figures: '数字',
  overallGoal: '总体目标',
  functions: '部门职能',
  retired: '退休人数',
  budgetTotal: '预算总额',
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  statedFigures: '填报的数字',
  sha256: '校验值',
  layout: '版式',
  'source.file': '文件名',
  'bySource.source': '资金来源',
  'restatements.source': '出处',
  'staffing.authorized': '编制人数',
  'staffing.actual': '实有人数',
  'keyTasks.projects': '所含项目',
  'location.file': '文件',
  'location.unit': '单位',
  'location.project': '项目',
  'location.indicator': '指标序号',
  'location.line': '行',
  'location.sheet': '工作表',
  'location.page': '页',
  'location.table': '表',
  'location.row': '行号',
  'location.column': '列',
  'location.field': '字段',
};

const TYPE_WORDS: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  array: '列表 [...]',
  object: '对象 {...}',
  record: '对象 {...}',
  boolean: 'true 或 false',
  null: 'null',
};

/** The place of an issue in words: 「第 1 个单位第 1 个项目第 1 个指标的年度指标值」, 「文档」 for the root. */
export function pathInWords(path: ReadonlyArray<PropertyKey>): string {
  let words = '';
  let parent = '';
  let listOwner = '';
  path.forEach((step, at) => {
    if (typeof step === 'number') {
      // An element is named by its list: `units`, 0 → 第 1 个单位 (the list's own name is not repeated).
      const list = String(path[at - 1] ?? '');
      const noun = (listOwner === 'keyTasks' && list === 'projects' ? '所含项目' : ELEMENT_NOUNS[list]) ?? '项';
      // 「第 1 个单位第 1 个项目」, but 「预算执行的第 1 个资金来源行」 after a field.
      words += `${typeof path[at - 2] === 'string' ? '的' : ''}第 ${step + 1} 个${noun}`;
      return;
    }
    const key = String(step);
    if (typeof path[at + 1] !== 'number') {
      const label = FIELD_LABELS[`${parent}.${key}`] ?? FIELD_LABELS[key] ?? `「${key}」`;
      words += `${words === '' ? '' : '的'}${label}`;
    }
    // Labels depend on the object a key is in (`staffing.actual` is not an indicator's `actual`).
    listOwner = parent;
    parent = key;
  });
  return words === '' ? '文档' : words;
}

/** What was expected at the place, and what is there now: 「应为数字，现为文字 "九十"」. */
export function issueInWords(issue: SchemaIssue): string {
  const now = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_WORDS[issue.expected ?? ''] ?? String(issue.expected);
      if (issue.input === undefined) return `缺少此项（应为${want}）`;
      return `应为${want}，现为${now}`;
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => JSON.stringify(v));
      const want = values.length === 1 ? values[0] : `${values.slice(0, -1).join('、')} 或 ${values.at(-1)} 之一`;
      return issue.input === undefined ? `缺少此项（应为 ${want}）` : `应为 ${want}，现为${now}`;
    }
    case 'too_small':
      return `应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}${lengthWord(issue)}，现为${now}`;
    case 'too_big':
      return `应${issue.inclusive === false ? '小于' : '不大于'} ${String(issue.maximum)}${lengthWord(issue)}，现为${now}`;
    case 'unrecognized_keys':
      return `有 jixiao/v1 没有的字段 ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join('、')}：请删除或检查拼写`;
    default:
      return `格式不对，现为${now}`;
  }
}

function lengthWord(issue: SchemaIssue): string {
  return issue.origin === 'array' ? ' 项' : issue.origin === 'string' ? ' 个字' : '';
}

function describeValue(value: unknown): string {
  if (value === undefined) return '空';
  if (value === null) return ' null';
  if (typeof value === 'number') return `数字 ${value}`;
  // JSON quoting keeps the message on one line whatever the text holds.
  if (typeof value === 'string') return `文字 ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'boolean') return ` ${value}`;
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  return '对象 {...}';
}
