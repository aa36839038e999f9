/** The document beside the findings: its projects and their indicators, with the findings' marks; click to filter. */
import { formatTarget } from '@jixiao/core';
import { useEffect, useRef } from 'react';
import { indicatorKey, type Group } from './model';

export interface Marks {
  /** Open (not dismissed) findings per group and per indicator key, and whether any is an error. */
  groups: Map<string, { count: number; error: boolean }>;
  indicators: Map<string, { count: number; error: boolean }>;
}

function Dot({ mark }: { mark: { count: number; error: boolean } | undefined }) {
  if (!mark?.count) return null;
  return <span className={`rv-dot${mark.error ? ' error' : ''}`}>{mark.count}</span>;
}

export function DocumentPane({
  groups,
  marks,
  activeGroup,
  highlight,
  onGroup,
  onIndicator,
}: {
  groups: readonly Group[];
  marks: Marks;
  activeGroup: string;
  highlight: string | undefined;
  onGroup: (key: string) => void;
  onIndicator: (groupKey: string, no: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!highlight) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-ind="${CSS.escape(highlight)}"]`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlight]);

  return (
    <div className="rv-pane rv-tree" ref={box} aria-label="项目与指标">
      <div className="rv-pane-head">
        <span>项目与指标</span>
        <span className="grow" />
        <span className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
          {groups.length} 组 · {groups.reduce((a, g) => a + g.indicators.length, 0)} 个指标
        </span>
      </div>
      {groups.map((g) => (
        <div key={g.key} className="rv-project">
          <div
            className={`rv-project-name${activeGroup === g.key ? ' active' : ''}`}
            onClick={() => onGroup(activeGroup === g.key ? 'all' : g.key)}
            title={g.unit ? `${g.unit} · 点击只看本项目的问题` : '点击只看这一组的问题'}
          >
            <span className="name">{g.label}</span>
            <Dot mark={marks.groups.get(g.key)} />
          </div>
          {g.indicators.map((i) => {
            const key = indicatorKey(g.key, i.no);
            const mark = marks.indicators.get(key);
            const target = formatTarget(i.annualTarget ?? null) || formatTarget(i.periodTarget ?? null);
            return (
              <div
                key={key}
                data-ind={key}
                className={`rv-ind${highlight === key ? ' hl' : ''}${mark?.count ? ' flagged' : ''}`}
                onClick={() => onIndicator(g.key, i.no)}
              >
                <span className="rv-ind-no">{i.no}</span>
                <span className="rv-ind-name">
                  <span className="rv-ind-level">{i.level2 ?? i.level1 ?? ''}</span>
                  {i.name} <Dot mark={mark} />
                </span>
                <span className={`rv-ind-target${i.annualTarget ? '' : ' missing'}`} title={`年度：${i.annualTarget?.text ?? '（缺失）'}；实施周期：${i.periodTarget?.text ?? '—'}`}>
                  {i.annualTarget ? target : '年度缺失'}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
