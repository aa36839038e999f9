/**
 * 结果应用 (R11): the results of a year by department, unit and project — budget (万元), self-evaluation score and
 * grade, target review conclusion — the suggestion for next year's budget with the rule that gave it and why, and
 * the finance reviewer's decision (confirmed or adjusted, with the reason, who and when). Filterable by year and
 * department, downloadable as 绩效结果应用情况表 (.xlsx). Departments see their own; finance and admins decide.
 */
import { App as AntApp, Button, Card, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { formatAmount } from '@jixiao/core';
import { shortOrgName } from '../../../lib/format';
import { ApiError } from '../../../lib/http';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../results-use.css';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { departmentKeys, listDepartments } from '../../departments';
import { useCan, useYear } from '../../session';
import { decideResultsUse, getResultsUse, resultsUseKeys, resultsUseWorkbookUrl, type ResultsUseRowDto } from '../api';
import { decidedByText, defaultResultsYear, mainReason, selfEvaluationText, STATE_COLORS, totalsText } from '../model';
import { DecisionDialog, type DecisionChoice } from './decision-dialog';

const rowKey = (r: ResultsUseRowDto) => `${r.documentId}/${r.projectKey}`;

export function ResultsUsePage() {
  const { message } = AntApp.useApp();
  const [workYear] = useYear();
  const departments = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const years = [...new Set((departments.data ?? []).flatMap((d) => d.years))].sort((a, b) => b - a);
  const [pickedYear, setYear] = useState<number | undefined>();
  const year = pickedYear ?? defaultResultsYear(workYear, years);
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const filter = { year: year ?? 0, departmentId };
  const loaded = useApiQuery(resultsUseKeys.table(filter), (signal) => (year === null ? Promise.resolve(null) : getResultsUse(filter, signal)));
  const mayDecide = useCan('results-use.decide');
  const invalidate = useInvalidate();
  const [deciding, setDeciding] = useState<ResultsUseRowDto | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = loaded.data?.items ?? [];

  const decide = async (row: ResultsUseRowDto, choice: DecisionChoice) => {
    setBusy(true);
    try {
      const saved = await decideResultsUse({ documentId: row.documentId, projectKey: row.projectKey, ...choice });
      void message.success(`${saved.project}：${saved.stateLabel}「${saved.decision?.label ?? ''}」`);
      setDeciding(null);
      await invalidate(resultsUseKeys.all);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '保存未成功，请重试。');
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<ResultsUseRowDto> = [
    { title: '部门', dataIndex: 'department', width: 110, render: (d: string | null) => (d ? <span title={d}>{shortOrgName(d)}</span> : '—') },
    {
      title: '单位 / 项目',
      key: 'project',
      width: 220,
      render: (_: unknown, r) => (
        <>
          <div className="ru-project">{r.project}</div>
          <div className="muted ru-small" title={r.unit}>
            {shortOrgName(r.unit)}
          </div>
        </>
      ),
    },
    { title: '预算（万元）', dataIndex: 'budgetWan', width: 100, align: 'right', className: 'num', render: (v: number | null) => formatAmount(v) },
    { title: '自评得分 · 等级', key: 'self', width: 120, render: (_: unknown, r) => selfEvaluationText(r) },
    { title: '审核结论', dataIndex: 'reviewConclusion', width: 70, align: 'center', render: (c: string | null) => c ?? '—' },
    {
      title: '下年度预算建议',
      key: 'suggestion',
      width: 200,
      render: (_: unknown, r) => (
        <Tooltip title={<ul className="ru-reasons">{[...r.suggestion.reasons, `依据：${r.suggestion.ruleTitle}`].map((x) => <li key={x}>{x}</li>)}</ul>}>
          <div>
            <b>{r.suggestion.label ?? '暂无建议'}</b>
            <div className="muted ru-small">{mainReason(r)}</div>
          </div>
        </Tooltip>
      ),
    },
    {
      title: '财政决定',
      key: 'decision',
      width: 220,
      render: (_: unknown, r) => (
        <div>
          <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
          {r.decision ? <b>{r.decision.label}</b> : null}
          {r.decision ? <div className="ru-small">理由：{r.decision.reason}</div> : null}
          {r.decision ? <div className="muted ru-small">{decidedByText(r)}</div> : null}
          {r.suggestionChanged ? <div className="ru-small ru-warn">决定后系统建议已变为「{r.suggestion.label ?? '暂无建议'}」，请复核</div> : null}
        </div>
      ),
    },
    ...(mayDecide
      ? [{ title: '办理', key: 'act', width: 90, render: (_: unknown, r: ResultsUseRowDto) => <Button size="small" onClick={() => setDeciding(r)}>{r.decision ? '重新决定' : '确认/调整'}</Button> }]
      : []),
  ];

  return (
    <>
      <PageHead
        title="结果应用"
        sub={loaded.data ? `${loaded.data.year} 年度的自评、审核结果及对 ${loaded.data.year + 1} 年度预算安排的建议。建议依据：${loaded.data.ruleSet.title}；建议须经财政审核人员确认或调整。` : '各项目的绩效结果与下年度预算安排建议。'}
      />
      <Card>
        <div className="toolbar">
          <Select aria-label="结果年度" style={{ width: 140 }} value={year ?? undefined} placeholder="结果年度" onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年度` }))} />
          <Select
            aria-label="部门"
            style={{ width: 240 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部部门"
            value={departmentId}
            onChange={setDepartmentId}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
          <span className="grow" />
          {rows.length ? <span className="muted">{totalsText(rows)}</span> : null}
          {year !== null ? (
            <Button href={resultsUseWorkbookUrl(filter)} download>
              导出 Excel
            </Button>
          ) : null}
        </div>
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        <Table<ResultsUseRowDto>
          rowKey={rowKey}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loaded.loading}
          scroll={{ x: 1130 }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: loaded.loading ? ' ' : <EmptyState title="这一年度还没有项目" hint="导入绩效目标并完成自评后，项目的结果和建议会出现在这里。" /> }}
        />
      </Card>
      {deciding && loaded.data ? <DecisionDialog row={deciding} suggestions={loaded.data.suggestions} busy={busy} onCancel={() => setDeciding(null)} onSubmit={(c) => void decide(deciding, c)} /> : null}
    </>
  );
}
