/**
 * The left menu, grouped by the cycle (issue 13 item 1): 目标 · 审核 · 监控 · 自评 · 结果 · 公开 · 管理, after 工作台 and 数据看板. An
 * entry is shown only to roles that may do what it is for somewhere (the server decides every request anyway); a
 * group with no entry left is not shown.
 */
import { can, type Action, type Actor } from '@jixiao/core';
import { Menu } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Link } from '../lib/router';

export type Section = 'home' | 'dashboard' | 'departments' | 'projects' | 'library' | 'import' | 'review' | 'self-evaluation' | 'monitoring' | 'results-use' | 'rectification' | 'public' | 'sign-in' | 'users' | 'audit' | 'period-locks';

interface Entry {
  to: string;
  label: string;
  section: Section;
  action?: Action;
}

export const NAV_GROUPS: ReadonlyArray<{ label: string | null; entries: readonly Entry[] }> = [
  {
    label: null,
    entries: [
      { to: '/', label: '工作台', section: 'home' },
      // Beside the home: the year at a glance is what a finance section opens next (issue 13 item 3).
      { to: '/dashboard', label: '数据看板', section: 'dashboard', action: 'catalog.read' },
    ],
  },
  {
    label: '目标',
    entries: [
      { to: '/departments', label: '部门', section: 'departments', action: 'catalog.read' },
      { to: '/projects', label: '项目', section: 'projects', action: 'catalog.read' },
      { to: '/indicator-library', label: '指标库', section: 'library', action: 'catalog.read' },
      { to: '/import', label: '导入文档', section: 'import', action: 'document.import' },
    ],
  },
  { label: '审核', entries: [{ to: '/review', label: '目标审核', section: 'review', action: 'document.read' }] },
  { label: '监控', entries: [{ to: '/monitoring', label: '运行监控', section: 'monitoring', action: 'monitoring.read' }] },
  { label: '自评', entries: [{ to: '/self-evaluation', label: '绩效自评', section: 'self-evaluation', action: 'self-evaluation.read' }] },
  { label: '结果', entries: [{ to: '/results-use', label: '结果应用', section: 'results-use', action: 'results-use.read' }, { to: '/rectification', label: '整改', section: 'rectification', action: 'rectification.read' }] },
  { label: '公开', entries: [{ to: '/public', label: '信息公开', section: 'public' }] },
  {
    label: '管理',
    entries: [
      { to: '/period-locks', label: '期间锁定', section: 'period-locks', action: 'period.lock' },
      { to: '/users', label: '用户管理', section: 'users', action: 'user.manage' },
      { to: '/audit', label: '审计日志', section: 'audit', action: 'audit.read' },
    ],
  },
];

/** The group and entry of a section, for the breadcrumbs. */
export function placeOf(section: Section | undefined): { group: string | null; entry: { label: string; to: string } | null } {
  for (const g of NAV_GROUPS) {
    const entry = g.entries.find((e) => e.section === section);
    if (entry) return { group: g.label, entry: { label: entry.label, to: entry.to } };
  }
  return { group: null, entry: null };
}

function itemsFor(actor: Actor, onNavigate?: () => void): ItemType[] {
  return NAV_GROUPS.flatMap((g): ItemType[] => {
    const entries = g.entries.filter((e) => e.action === undefined || can(actor, e.action));
    if (entries.length === 0) return [];
    const children = entries.map((e) => ({ key: e.section, label: <Link to={e.to} onClick={onNavigate}>{e.label}</Link> }));
    return g.label === null ? children : [{ type: 'group' as const, key: `group-${g.label}`, label: g.label, children }];
  });
}

export function SideNav({ actor, section, onNavigate }: { actor: Actor; section: Section | undefined; onNavigate?: () => void }) {
  return (
    <nav aria-label="主导航" className="app-side-nav">
      <Menu mode="inline" selectedKeys={section ? [section] : []} items={itemsFor(actor, onNavigate)} />
    </nav>
  );
}
