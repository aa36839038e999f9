/**
 * One published self-evaluation result, as residents read it (R12): the total and grade, then each project (or the
 * department's key tasks) with its score and every indicator's score out of its weight. Only results the finance
 * bureau accepted and published are ever shown.
 */
import { chinaTime } from '@jixiao/core';
import { Card, Table, Tag } from 'antd';
import { ErrorState, NotFound } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { useApiQuery } from '../../../lib/query';
import { getPublishedSelfEvaluation, publicKeys, type PublishedSelfEvaluationDto } from '../api';

type Score = NonNullable<PublishedSelfEvaluationDto['score']>;
interface Line {
  no: number;
  name: string;
  weight: number;
  result: { score: number | null; status: string };
}

const STATUS: Record<string, string> = { met: '达成', partly: '部分达成', missed: '未达成', qualitative: '已评定', pending: '未填报', invalid: '填报有误' };

const lineColumns = [
  { title: '序号', dataIndex: 'no', width: 60 },
  { title: '绩效指标', dataIndex: 'name' },
  { title: '完成情况', key: 'status', width: 100, render: (_: unknown, l: Line) => STATUS[l.result.status] ?? '—' },
  { title: '得分', key: 'score', width: 110, align: 'right' as const, render: (_: unknown, l: Line) => `${l.result.score ?? '—'} / ${l.weight}` },
];

/** The parts of a score, each with its lines: a project's indicators, or the department's key tasks. */
function partsOf(score: Score): Array<{ title: string; extra: string; lines: Line[] }> {
  if (score.scope === 'project') {
    return score.projects.map((p) => ({ title: p.project, extra: `${p.unit} · ${p.score.total ?? '—'} 分${p.score.grade ? `（${p.score.grade}）` : ''}`, lines: p.score.lines }));
  }
  return score.department.tasks.map((t) => ({ title: t.name, extra: `${t.score ?? '—'} 分`, lines: t.lines }));
}

export function PublicSelfEvaluationPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const loaded = useApiQuery(publicKeys.selfEvaluation(id), (signal) => getPublishedSelfEvaluation(id, signal));
  if (!Number.isInteger(id) || id <= 0) return <NotFound what="公开信息" />;
  if (loaded.error) return loaded.error instanceof ApiError && loaded.error.status === 404 ? <NotFound what="公开信息" /> : <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <div className="app-loading">正在载入…</div>;
  const { item, score } = loaded.data;
  // Several projects are each scored on their own (R7): without one total, the range of their scores.
  const totals = score?.scope === 'project' ? score.projects.map((p) => p.score.total).filter((t): t is number => t !== null) : [];
  const range = totals.length ? (Math.min(...totals) === Math.max(...totals) ? String(totals[0]) : `${Math.min(...totals)}–${Math.max(...totals)}`) : null;
  return (
    <>
      <PageHead
        title={`${item.title}（${item.period ?? ''} 年度自评结果）`}
        crumbs={[{ label: '信息公开', to: '/public' }, { label: item.title }]}
        sub={`${item.department ?? ''} · ${chinaTime(item.publishedAt)} 公开${score ? ` · 评分依据：${score.ruleTitle}` : ''}`}
      />
      <div className="stat-row">
        {item.total !== null || !range ? <Stat label="自评总分" value={item.total ?? '—'} unit="分" /> : <Stat label="各项目得分" value={range} unit="分" />}
        <Stat label="等级" value={item.grade ? <Tag color="green">{item.grade}</Tag> : '—'} />
        <Stat label={score?.scope === 'department' ? '重点任务' : '项目'} value={score ? partsOf(score).length : '—'} unit="个" />
      </div>
      {score ? (
        partsOf(score).map((part, k) => (
          <Card key={k} size="small" style={{ marginBottom: 12 }} title={part.title} extra={part.extra}>
            <Table<Line> size="small" rowKey={(l) => `${l.no}-${l.name}`} columns={lineColumns} dataSource={part.lines} pagination={false} />
          </Card>
        ))
      ) : (
        <Card size="small">公开的是总分和等级；这份结果没有逐项得分。</Card>
      )}
    </>
  );
}
