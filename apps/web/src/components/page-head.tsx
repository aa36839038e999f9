import { Breadcrumb } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from '../lib/router';

export interface Crumb {
  label: string;
  to?: string;
}

/** Title, one line of context, breadcrumbs and the browser tab title. */
export function PageHead({ title, sub, crumbs, extra }: { title: string; sub?: ReactNode; crumbs?: Crumb[]; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · jixiao 预算绩效管理`;
  }, [title]);
  return (
    <>
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumb
          className="page-crumbs"
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))}
        />
      ) : null}
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
