/**
 * One ECharts chart: ECharts itself is loaded on first use (a dynamic import, its own chunk), resized with its box
 * (390 px phones included), and handed to `onReady` so the card can save it as a PNG.
 */
import { Skeleton } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export function EChart({ option, height, label, onBarClick, onReady }: { option: EChartsCoreOption; height: number; label: string; onBarClick?: (index: number) => void; onReady?: (chart: EChartsType | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest handlers, for the chart made once (its listeners are bound at creation).
  const click = useRef(onBarClick);
  const readyHandler = useRef(onReady);
  useEffect(() => {
    click.current = onBarClick;
    readyHandler.current = onReady;
  });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    void import('../echarts').then(({ echarts }) => {
      if (gone || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (p) => click.current?.((p as { dataIndex: number }).dataIndex));
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setReady(true);
      readyHandler.current?.(c);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      readyHandler.current?.(null);
    };
  }, []);

  // A new option replaces the old one; a new height is followed by the ResizeObserver.
  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [ready, option]);

  return (
    <div className="dashboard-chart" style={{ height }} role="img" aria-label={label}>
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {ready ? null : <Skeleton active className="dashboard-chart-loading" />}
    </div>
  );
}
