/**
 * 数据看板 (issue 13 item 3): the working year at a glance — budget execution against 序时进度, monitoring lights,
 * review conclusions, self-evaluation scores with the change from the year before, and the review checks that fire
 * most. District-wide roles see every department and click a department's bar to open its view; a unit sees its own
 * department. Each chart's data downloads as Excel and the chart as a picture.
 */
import { formatAmount } from '@jixiao/core';
import { Button, Card, Col, Row, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { shortOrgName } from '../../../lib/format';
import { useApiQuery } from '../../../lib/query';
import { Link, navigate, useLocation } from '../../../lib/router';
import { useSession, useYear } from '../../session';
import { dashboardKeys, getDashboard, type DashboardDto, type DashboardQuery, type ExecutionRowDto } from '../api';
import { changeText, chartHeight, checksOption, conclusionsOption, executionOption, lightsOption, percent, rowHref, scoresOption } from '../model';
import { ChartCard } from './chart-card';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../dashboard.css';

const follow = (href: string | null) => {
  if (href) navigate(href);
};

function executionColumns(drilled: boolean): ColumnsType<ExecutionRowDto> {
  return [
    {
      title: drilled ? '项目' : '部门',
      dataIndex: 'label',
      render: (label: string, r) => {
        const href = rowHref('execution', r, drilled);
        const name = shortOrgName(label);
        return href ? <Link to={href}>{name}</Link> : name;
      },
    },
    { title: '全年预算数（万元）', dataIndex: 'budgetWan', align: 'right', className: 'num', render: (v: number | null) => formatAmount(v) },
    { title: '执行数（万元）', dataIndex: 'spentWan', align: 'right', className: 'num', render: (v: number | null) => formatAmount(v) },
    { title: '执行率', dataIndex: 'executionRate', align: 'right', className: 'num', render: (v: number | null) => percent(v) },
    { title: '序时进度', dataIndex: 'timeProgress', align: 'right', className: 'num', render: (v: number, r) => `${percent(v)}（${r.cutoffMonth} 月）` },
  ];
}

/** The year-on-year changes in words, for the departments (or documents) that have one. */
function scoreNote(d: DashboardDto): string | undefined {
  const changed = d.scores.filter((s) => s.change !== null);
  if (changed.length === 0) return d.scores.length > 0 ? `${(d.year ?? 0) - 1} 年度没有可比的得分` : undefined;
  return changed
    .slice(0, 3)
    .map((s) => `${shortOrgName(s.label)} 同比 ${changeText(s.change)}`)
    .join('；');
}

function Charts({ d, query }: { d: DashboardDto; query: DashboardQuery }) {
  const drilled = d.department !== null;
  const year = d.year!;
  const where = d.department ? shortOrgName(d.department.name) : '全部部门';
  const file = (title: string) => `${year}年度-${where}-${title}`;
  const options = useMemo(
    () => ({
      execution: executionOption(d.execution),
      lights: lightsOption(d.lights),
      conclusions: conclusionsOption(d.conclusions.rows),
      scores: scoresOption(d.scores, drilled, year),
      checks: checksOption(d.checks),
    }),
    [d, drilled, year],
  );
  const t = d.executionTotal;
  return (
    <>
      {t ? (
        <div className="stat-row">
          <Stat label="全年预算数" value={formatAmount(t.budgetWan)} unit="万元" />
          <Stat label="已执行" value={formatAmount(t.spentWan)} unit="万元" />
          <Stat label="执行率" value={percent(t.executionRate)} />
          <Stat label="序时进度" value={percent(t.timeProgress)} unit={`截至 ${t.cutoffMonth} 月`} />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            chart="execution"
            title={drilled ? '各项目预算执行与序时进度' : '各部门预算执行与序时进度'}
            fileName={file('预算执行')}
            query={query}
            option={options.execution}
            rows={d.execution.length}
            height={chartHeight(d.execution.length)}
            empty="本年度还没有运行监控"
            note={drilled ? '点击项目打开项目' : '点击部门查看该部门'}
            onBarClick={(i) => follow(rowHref('execution', d.execution[i]!, drilled))}
          >
            <Table<ExecutionRowDto> rowKey="key" size="small" pagination={false} columns={executionColumns(drilled)} dataSource={d.execution} scroll={{ x: 'max-content' }} className="dashboard-table" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            chart="lights"
            title={drilled ? '各监控报告预警灯' : '各部门监控预警灯'}
            fileName={file('监控预警灯')}
            query={query}
            option={options.lights}
            rows={d.lights.length}
            height={chartHeight(d.lights.length)}
            empty="本年度还没有运行监控"
            note="每份监控报告取最近的截止月份"
            onBarClick={(i) => follow(rowHref('lights', d.lights[i]!, drilled))}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            chart="conclusions"
            title={drilled ? '各目标文档审核结论' : '各部门目标审核结论'}
            fileName={file('审核结论')}
            query={query}
            option={options.conclusions}
            rows={d.conclusions.rows.length}
            height={chartHeight(d.conclusions.rows.length)}
            empty="本年度还没有绩效目标"
            note={d.conclusions.reviewed < d.conclusions.of ? `按最近更新的 ${d.conclusions.reviewed} 份计（共 ${d.conclusions.of} 份）` : `共 ${d.conclusions.of} 份目标文档`}
            onBarClick={(i) => follow(rowHref('conclusions', d.conclusions.rows[i]!, drilled))}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            chart="scores"
            title={drilled ? '绩效自评得分与上年对比' : '各部门绩效自评得分与同比'}
            fileName={file('自评得分')}
            query={query}
            option={options.scores}
            rows={d.scores.length}
            height={chartHeight(d.scores.length)}
            empty="本年度还没有绩效自评得分"
            note={scoreNote(d)}
            onBarClick={(i) => follow(rowHref('scores', d.scores[i]!, drilled))}
          />
        </Col>
        <Col xs={24}>
          <ChartCard chart="checks" title="高频审核问题" fileName={file('高频审核问题')} query={query} option={options.checks} rows={d.checks.length} height={chartHeight(d.checks.length)} empty="本年度的目标没有审核问题" note="未被评审人驳回的问题，按出现次数排列" />
        </Col>
      </Row>
    </>
  );
}

export function DashboardPage() {
  const [chosenYear] = useYear();
  const { search } = useLocation();
  const session = useSession();
  // A unit sees its own department only: its view opens on that department's projects at once.
  const user = session.status === 'signed-in' ? session.session.user : null;
  const own = user && (user.role === 'unit-editor' || user.role === 'unit-approver') ? (user.departmentId ?? undefined) : undefined;
  const departmentId = Number(search.get('departmentId')) || own;
  const query: DashboardQuery = { ...(chosenYear === undefined ? {} : { year: chosenYear }), ...(departmentId === undefined ? {} : { departmentId }) };
  const loaded = useApiQuery(dashboardKeys.of(query), (signal) => getDashboard(query, signal));
  const d = loaded.data;
  const departmentName = d?.department ? shortOrgName(d.department.name) : null;
  const sub = d ? (d.year === null ? '还没有任何年度的数据' : `${d.year} 年度 · ${departmentName ?? '全部部门'}${chosenYear === undefined ? '（未选工作年度，显示有数据的最近年度）' : ''}`) : '正在加载…';
  return (
    <>
      <PageHead
        title={departmentName ? `数据看板 · ${departmentName}` : '数据看板'}
        sub={sub}
        crumbs={departmentName && own === undefined ? [{ label: '数据看板', to: '/dashboard' }, { label: departmentName }] : undefined}
        extra={
          departmentName && own === undefined ? (
            <Button onClick={() => navigate('/dashboard')}>返回全部部门</Button>
          ) : !departmentName && d && d.lights.length + d.execution.length + d.conclusions.rows.length > 1 ? (
            <Select
              placeholder="查看一个部门"
              style={{ minWidth: 180 }}
              aria-label="查看一个部门"
              options={[...new Map([...d.execution, ...d.conclusions.rows, ...d.scores].filter((r) => r.departmentId !== null).map((r) => [r.departmentId!, shortOrgName(r.label)])).entries()].map(([value, label]) => ({ value, label }))}
              onChange={(id: number) => navigate(`/dashboard?departmentId=${id}`)}
            />
          ) : null
        }
      />
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {d && d.year !== null ? <Charts d={d} query={{ ...query, year: d.year }} /> : null}
      {d && d.year === null ? <Card>还没有导入任何文档，导入绩效目标并开展监控、自评后，这里会显示统计图。</Card> : null}
    </>
  );
}
