/**
 * 审计日志 (admins and finance reviewers): every change — who, when, what, which object, before and after, which
 * request — newest first, filtered by who / what / object / dates, exported as CSV.
 */
import type { AuditEntryDto } from '@jixiao/contract';
import { EVALUATION_ACTION_LABELS, TARGET_ACTION_LABELS } from '@jixiao/core';
import { Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { useApiQuery } from '../../../lib/query';
import { auditExportUrl, listAudit, type AuditFilter, auditKeys } from '../api';

const ACTION_LABELS: Record<string, string> = {
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
  'self-evaluation.start': '开始绩效自评',
  'self-evaluation.save': '保存绩效自评',
  'self-evaluation.save-report': '保存自评报告',
  'self-evaluation.keep-score': '保存自评得分',
  'self-evaluation.import-actuals': '导入完成值',
  'document.withdraw': '撤回草稿',
  'workflow.publish': '公开',
  'workflow.withdraw-publication': '撤回公开',
  'period.lock': '锁定期间',
  'period.unlock': '解锁期间',
  ...Object.fromEntries(Object.entries(TARGET_ACTION_LABELS).map(([action, label]) => [`workflow.${action}`, `绩效目标：${label}`])),
  ...Object.fromEntries(
    (['monitoring', 'self-evaluation'] as const).flatMap((kind) => Object.entries(EVALUATION_ACTION_LABELS).map(([action, label]) => [`workflow.${kind}.${action}`, `${kind === 'monitoring' ? '运行监控' : '绩效自评'}：${label}`])),
  ),
};

/** What kind of thing an entry changed, as people say it (the id stays, for finding it again). */
const OBJECT_LABELS: Record<string, string> = { document: '文档', evaluation: '监控/自评', period: '期间', 'rule-set': '规则集', 'rule-set-activation': '规则启用', user: '用户', session: '登录' };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="audit-json">{JSON.stringify(value, null, 1)}</pre>;
}

function BeforeAfter({ entry }: { entry: AuditEntryDto }) {
  return (
    <Space align="start" size="large">
      <div>
        <Typography.Text strong>修改前</Typography.Text>
        <Json value={entry.before} />
      </div>
      <div>
        <Typography.Text strong>修改后</Typography.Text>
        <Json value={entry.after} />
      </div>
    </Space>
  );
}

const renderBeforeAfter = (entry: AuditEntryDto) => <BeforeAfter entry={entry} />;

interface FilterForm {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE = 50;

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const page = useApiQuery(auditKeys.page(filter, { limit: PAGE, offset }), (signal) => listAudit(filter, { limit: PAGE, offset }, signal));

  useEffect(() => {
    document.title = '审计日志 · jixiao 预算绩效管理';
  }, []);

  function apply(v: FilterForm) {
    const next: AuditFilter = {};
    for (const key of ['actor', 'action', 'objectType', 'objectId'] as const) if (v[key]?.trim()) next[key] = v[key].trim();
    if (v.dates?.[0]) next.from = v.dates[0].format('YYYY-MM-DD');
    if (v.dates?.[1]) next.to = v.dates[1].add(1, 'day').format('YYYY-MM-DD');
    setFilter(next);
    setOffset(0);
  }

  return (
    <>
      <PageHead
        title="审计日志"
        sub="每一项修改：谁、何时、做了什么、修改前后的内容和请求编号。记录只增不改。"
        extra={
          <Button href={auditExportUrl(filter)} download>
            导出 CSV
          </Button>
        }
      />
      <Form<FilterForm> layout="inline" onFinish={apply} className="audit-filter">
        <Form.Item name="actor" label="操作人账号">
          <Input allowClear placeholder="如 admin" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input allowClear placeholder="如 user. 或 review.dismiss" />
        </Form.Item>
        <Form.Item name="objectType" label="对象类型">
          <Input allowClear placeholder="document / user …" />
        </Form.Item>
        <Form.Item name="objectId" label="对象编号">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="dates" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              筛选
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {page.error ? (
        <ErrorState error={page.error} onRetry={page.reload} />
      ) : (
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          loading={page.loading}
          dataSource={page.data?.items ?? []}
          pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * PAGE), showTotal: (t) => `共 ${t} 条` }}
          expandable={{
            expandedRowRender: renderBeforeAfter,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
            { title: '操作人', key: 'actor', render: (_, e) => `${e.actor.displayName}（${e.actor.username}）` },
            { title: '操作', dataIndex: 'action', render: (a: string) => ACTION_LABELS[a] ?? a },
            { title: '对象', key: 'object', render: (_, e) => `${OBJECT_LABELS[e.objectType] ?? e.objectType} 第 ${e.objectId} 号` },
            { title: '请求编号', dataIndex: 'requestId', render: (r: string | null) => <Typography.Text type="secondary" copyable={r ? { text: r } : false}>{r ? r.slice(0, 8) : '—'}</Typography.Text> },
          ]}
        />
      )}
    </>
  );
}
