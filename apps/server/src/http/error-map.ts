/**
 * The one place where failures become HTTP responses (architecture habit 3: codes in the core, statuses at the
 * edge). Every error body has the contract's shape `{ error: { code, message, details? } }` with a Chinese message
 * that says what to do. Unknown failures are logged on the server and answered with 500 and no stack trace.
 */
import type { ErrorDto } from '@jixiao/contract';
import { AppError, type AppErrorCode } from '@jixiao/services';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export const STATUS_BY_CODE: Record<AppErrorCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  YEAR_REQUIRED: 400,
  CONFLICT: 409,
  YEAR_MISMATCH: 409,
  DATA_DIR_LOCKED: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_ATTEMPTS: 429,
};

export interface ErrorResponse {
  status: ContentfulStatusCode;
  body: ErrorDto;
}

const FIELD_NAMES: Record<string, string> = {
  search: '搜索词',
  year: '年度',
  departmentId: '部门',
  unitId: '预算单位',
  projectId: '项目',
  limit: '每页条数',
  offset: '起始位置',
  id: '编号',
  file: '文件',
  findingKey: '问题编号',
  decision: '处理方式',
  reason: '理由',
  by: '评审人',
  conclusion: '评审结论',
  check: '问题类型',
  dimension: '审核维度',
  severity: '严重程度',
  message: '问题描述',
  suggestion: '修改建议',
  evidence: '原文依据',
  location: '位置',
  'location.project': '项目',
  'location.unit': '预算单位',
  'location.indicator': '指标序号',
  'location.keyTask': '重点任务',
  reviewer: '评审人',
  organization: '评审机构',
  cutoffMonth: '截止月份',
  toYear: '结转年度',
  keepAmounts: '是否保留上年金额',
  baseRevision: '所基于的版本号',
  spent: '执行数',
  adjustedBudget: '全年预算数',
  actual: '完成值',
  tier: '完成程度',
  measures: '纠偏措施',
};

function describeIssue(issue: ZodError['issues'][number]): string {
  const key = issue.path.map(String).join('.');
  // A field deep in a body (`entries.budget.p-0-0.spent`) is named by its last part, with the whole path to find it.
  const last = FIELD_NAMES[String(issue.path.at(-1) ?? '')];
  const field = FIELD_NAMES[key] ?? (last && key.includes('.') ? `${last}（${key}）` : (last ?? (key || '请求')));
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message says "received undefined" for a missing value.
      return /received undefined/.test(issue.message) ? `缺少${field}` : `${field}格式不对`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `缺少${field}` : `${field}太短（至少 ${String(issue.minimum)} 个字）`;
      return `${field}太小（最小 ${String(issue.minimum)}）`;
    case 'too_big':
      if (issue.origin === 'string') return `${field}太长（最多 ${String(issue.maximum)} 个字）`;
      return `${field}太大（最大 ${String(issue.maximum)}）`;
    case 'unrecognized_keys':
      return `不认识的参数：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `${field}的取值不在允许范围内`;
    default:
      return `${field}格式不对`;
  }
}

/** A request that failed its zod schema: 400 with one Chinese sentence naming every field, and the issues. */
export function validationError(error: ZodError): ErrorResponse {
  const parts = [...new Set(error.issues.map(describeIssue))];
  return {
    status: 400,
    body: {
      error: {
        code: 'VALIDATION',
        message: `请求参数有误：${parts.join('；')}。请检查后重试。`,
        details: error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message })),
      },
    },
  };
}

export function notFound(what = '页面'): ErrorResponse {
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: `找不到该${what}，请检查地址是否正确。` } } };
}

/** Maps any thrown value to a response; logs the ones that are bugs (unknown errors) with their stack. */
export function toErrorResponse(err: unknown, log: (e: unknown) => void = (e) => console.error(e)): ErrorResponse {
  if (err instanceof AppError) {
    const body: ErrorDto = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return { status: STATUS_BY_CODE[err.code] ?? 500, body };
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 413) {
      return { status, body: { error: { code: 'TOO_LARGE', message: '上传的文件太大，请拆分后再导入。' } } };
    }
    if (status < 500) {
      return { status, body: { error: { code: 'BAD_REQUEST', message: '请求无法处理，请检查后重试。' } } };
    }
  }
  log(err);
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如果一直出现，请联系管理员。' } } };
}

export function sendError(c: Context, response: ErrorResponse): Response {
  return c.json(response.body, response.status);
}
