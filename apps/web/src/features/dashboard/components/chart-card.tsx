/** A chart in a card, with its data as Excel (the server writes the workbook) and the chart as a PNG picture. */
import { Button, Card, Space } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useRef, type ReactNode } from 'react';
import { EmptyState } from '../../../components/page-states';
import { chartExportUrl, type DashboardChart, type DashboardQuery } from '../api';
import { EChart } from './e-chart';

function savePng(chart: EChartsType | null, fileName: string): void {
  if (!chart) return;
  const a = document.createElement('a');
  a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  a.download = `${fileName}.png`;
  document.body.append(a);
  a.click();
  a.remove();
}

export function ChartCard(props: {
  chart: DashboardChart;
  title: string;
  fileName: string;
  query: DashboardQuery;
  option: EChartsCoreOption;
  rows: number;
  height: number;
  empty: string;
  note?: ReactNode;
  onBarClick?: (index: number) => void;
  children?: ReactNode;
}) {
  const instance = useRef<EChartsType | null>(null);
  return (
    <Card title={props.title} className="dashboard-card" data-chart={props.chart}>
      {props.rows === 0 ? (
        <EmptyState title={props.empty} />
      ) : (
        <>
          <Space wrap size={8} className="dashboard-card-tools">
            <Button size="small" href={chartExportUrl(props.chart, props.query)} download>
              导出 Excel
            </Button>
            <Button size="small" onClick={() => savePng(instance.current, props.fileName)}>
              下载图片
            </Button>
            {props.note ? <span className="muted">{props.note}</span> : null}
          </Space>
          <EChart option={props.option} height={props.height} label={props.title} onBarClick={props.onBarClick} onReady={(c) => (instance.current = c)} />
          {props.children}
        </>
      )}
    </Card>
  );
}
