/**
 * The audit trail's actions and objects in words (the audit page, its export and 工作台's 「最近操作」): people read
 * 「绩效目标：批复」, never `workflow.approve`.
 */
import { EVALUATION_ACTION_LABELS } from './evaluation-workflow';
import { TARGET_ACTION_LABELS } from './target-workflow';
import { RECTIFICATION_ACTION_LABELS } from '../rectification/workflow';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'document.import': '导入文档',
  'document.edit': '修改绩效目标',
  'review.accept': '采纳问题',
  'review.dismiss': '驳回问题',
  'review.add-finding': '补充问题',
  'review.conclude': '调整评审结论',
  'rule-set.create-version': '新建规则版本',
  'rule-set.activate': '启用规则',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.reset-password': '重置密码',
  'user.change-password': '修改密码',
  'session.sign-in': '登录',
  'session.sign-out': '退出',
  'user.remove-demo': '删除演示账号',
  'monitoring.start': '开始运行监控',
  'monitoring.save': '保存运行监控',
  'monitoring.submit': '提交运行监控',
  'monitoring.warn': '运行监控触发预警',
  'monitoring.warning-respond': '反馈监控预警',
  'self-evaluation.start': '开始绩效自评',
  'self-evaluation.save': '保存绩效自评',
  'self-evaluation.save-report': '保存自评报告',
  'self-evaluation.keep-score': '保存自评得分',
  'self-evaluation.import-actuals': '导入完成值',
  'document.withdraw': '撤回草稿',
  'document.rollover': '结转到下一年度',
  'workflow.publish': '公开',
  'workflow.withdraw-publication': '撤回公开',
  'period.lock': '锁定期间',
  'period.unlock': '解锁期间',
  'results-use.confirm': '确认结果应用建议',
  'results-use.adjust': '调整结果应用建议',
  'rectification.create': '登记整改事项',
  ...Object.fromEntries(Object.entries(RECTIFICATION_ACTION_LABELS).map(([action, label]) => [`rectification.${action}`, `整改：${label}`])),
  ...Object.fromEntries(Object.entries(TARGET_ACTION_LABELS).map(([action, label]) => [`workflow.${action}`, `绩效目标：${label}`])),
  ...Object.fromEntries(
    (['monitoring', 'self-evaluation'] as const).flatMap((kind) => Object.entries(EVALUATION_ACTION_LABELS).map(([action, label]) => [`workflow.${kind}.${action}`, `${kind === 'monitoring' ? '运行监控' : '绩效自评'}：${label}`])),
  ),
};

/** What kind of thing an entry changed, as people say it (the id stays, for finding it again). */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, string>> = { document: '文档', evaluation: '监控/自评', period: '期间', 'rule-set': '规则集', 'rule-set-activation': '规则启用', user: '用户', session: '登录', 'results-use': '结果应用', rectification: '整改事项', 'monitoring-warning': '监控预警' };


/** An action in words; an action without a label (added later) as 「其他操作」, never the code. */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? '其他操作';
