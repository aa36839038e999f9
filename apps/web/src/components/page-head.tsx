import { Breadcrumb } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from '../lib/router';
import { useShellPlace } from './shell-context';

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * Title, one line of context, breadcrumbs and the browser tab title. Every page has breadcrumbs (issue 13 item 1):
 * 工作台 › the menu group › the page, or 工作台 › the crumbs a detail page names (its list, then itself).
 */
export function PageHead({ title, sub, crumbs, extra }: { title: string; sub?: ReactNode; crumbs?: Crumb[]; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · jixiao 预算绩效管理`;
  }, [title]);
  const place = useShellPlace();
  // 工作台 itself needs no trail; a page outside the menu (登录, 找不到页面) has none.
  const inMenu = place.entry !== null && place.entry.to !== '/';
  const trail: Crumb[] = crumbs && crumbs.length > 0 ? crumbs : inMenu && place.entry ? [...(place.group ? [{ label: place.group }] : []), { label: place.entry.label }] : [];
  // An anonymous visitor has no 工作台 and no menu: only a detail page's own crumbs (back to its list).
  const items = place.home ? (trail.length > 0 ? [{ label: '工作台', to: '/' }, ...trail] : []) : (crumbs ?? []);
  return (
    <>
      {items.length > 0 ? <Breadcrumb className="page-crumbs" items={items.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))} /> : null}
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          {sub ? <div className="page-sub">{sub}</div> : null}
        </div>
        {extra}
      </div>
    </>
  );
}

export function Stat({ label, value, unit }: { label: string; value: ReactNode; unit?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">
        {value}
        {unit ? <small>{unit}</small> : null}
      </div>
    </div>
  );
}
