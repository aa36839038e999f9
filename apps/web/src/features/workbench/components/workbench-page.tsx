/**
 * 工作台, every role's home (issue 13 item 2): what waits for me — counted, the most pressing first, each item one
 * click from the page where it is done — and what I did last. What is on it is the server's answer for this person's
 * role and departments; the page only lays it out.
 */
import { chinaTime, ROLE_LABELS } from '@jixiao/core';
import { Badge, Card, Empty, List, Tag, Timeline, Tooltip } from 'antd';
import { ErrorState } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { formatCount, shortOrgName } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { useSession } from '../../session';
import { activityHref, deadlineText, getWorkbench, periodText, todoHref, workbenchKeys, type TodoGroupDto, type TodoItemDto } from '../api';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../workbench.css';

function ItemLine({ kind, item }: { kind: TodoGroupDto['kind']; item: TodoItemDto }) {
  const deadline = deadlineText(item.daysLeft);
  const late = item.daysLeft !== null && item.daysLeft < 0;
  const what = [item.department ? shortOrgName(item.department) : null, item.period ? periodText(item.period) : item.year ? `${item.year} 年度` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <List.Item className="wb-item">
      <div className="wb-item-main">
        <Link to={todoHref(kind, item)}>{item.title}</Link>
        <div className="muted wb-item-sub">
          {what}
          {item.since ? ` · ${chinaTime(item.since)}` : ''}
        </div>
      </div>
      {deadline ? (
        <Tooltip title={item.due ? `截止 ${item.due}` : undefined}>
          <Tag color={late ? 'red' : item.daysLeft !== null && item.daysLeft <= 7 ? 'orange' : 'default'}>{deadline}</Tag>
        </Tooltip>
      ) : null}
    </List.Item>
  );
}

function TodoCard({ group }: { group: TodoGroupDto }) {
  return (
    <Card
      className="wb-card"
      size="small"
      title={
        <span>
          {group.label} <Badge count={group.count} overflowCount={999} color={group.overdue > 0 ? '#c62828' : '#1f4e8c'} />
        </span>
      }
      extra={group.overdue > 0 ? <Tag color="red">逾期 {group.overdue}</Tag> : null}
      data-testid={`todo-${group.kind}`}
    >
      <div className="muted wb-hint">{group.hint}</div>
      <List size="small" dataSource={group.items} renderItem={(item) => <ItemLine kind={group.kind} item={item} />} />
      {group.count > group.items.length ? <div className="muted wb-more">另有 {formatCount(group.count - group.items.length)} 项，按截止日期和等待时间排在后面</div> : null}
    </Card>
  );
}

export function WorkbenchPage() {
  const session = useSession();
  const workbench = useApiQuery(workbenchKeys.all, (signal) => getWorkbench(signal));
  const user = session.status === 'signed-in' ? session.session.user : undefined;
  const data = workbench.data;
  const total = (data?.groups ?? []).reduce((n, g) => n + g.count, 0);
  const overdue = (data?.groups ?? []).reduce((n, g) => n + g.overdue, 0);

  return (
    <>
      <PageHead
        title="工作台"
        sub={user ? `${user.displayName}（${ROLE_LABELS[user.role]}）${data ? ` · 今天是 ${data.today}` : ''}` : undefined}
      />
      {workbench.error ? <ErrorState error={workbench.error} onRetry={workbench.reload} /> : null}
      {data ? (
        <div className="stat-row">
          <Stat label="待办" value={formatCount(total)} unit="项" />
          <Stat label="逾期" value={formatCount(overdue)} unit="项" />
          <Stat label="待办类别" value={formatCount(data.groups.length)} unit="类" />
        </div>
      ) : null}
      <div className="wb-layout">
        <div className="wb-todos">
          {data && data.groups.length === 0 ? (
            <Card>
              <Empty description="暂无待办：没有等您办理的目标、监控或自评。" />
            </Card>
          ) : null}
          {(data?.groups ?? []).map((g) => (
            <TodoCard key={g.kind} group={g} />
          ))}
          {!data && workbench.loading ? <Card loading /> : null}
        </div>
        <aside className="wb-aside">
          <Card size="small" title="最近操作">
            {data && data.recent.length === 0 ? <div className="muted">还没有操作记录。</div> : null}
            <Timeline
              items={(data?.recent ?? []).map((r) => {
                const href = activityHref(r.objectType, r.objectId, r.action);
                return {
                  key: `${r.at}-${r.action}-${r.objectId}`,
                  children: (
                    <div>
                      <div>{r.label}</div>
                      {r.title ? <div className="wb-item-sub">{href ? <Link to={href}>{r.title}</Link> : r.title}</div> : null}
                      <div className="muted wb-item-sub">{chinaTime(r.at)}</div>
                    </div>
                  ),
                };
              })}
            />
          </Card>
          {data ? (
            <Card size="small" title="填报期限依据" className="wb-calendar">
              <div className="wb-item-sub">{data.calendar.title}</div>
              {data.calendar.sources.map((s) => (
                <div key={s.docNo} className="muted wb-item-sub">
                  {s.docNo}：{s.note}
                </div>
              ))}
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
