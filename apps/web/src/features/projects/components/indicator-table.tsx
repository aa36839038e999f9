import type { IndicatorDto } from '@jixiao/contract';
import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';

type Target = NonNullable<IndicatorDto['annualTarget']>;

/** Row spans that merge repeated 一级 / 二级 cells, as the official tables print them. */
function spans(rows: IndicatorDto[], key: (r: IndicatorDto) => string): number[] {
  const out = Array.from({ length: rows.length }, () => 0);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const prev = rows[i - 1];
    const cur = rows[i];
    if (i === rows.length || !prev || !cur || key(cur) !== key(prev)) {
      out[start] = i - start;
      start = i;
    }
  }
  return out;
}

function LevelCell({ code, name }: { code: string | null; name: string | null }) {
  if (!name && !code) return <span className="muted">—</span>;
  return (
    <span>
      {code ? <span className="code">{code} </span> : null}
      {name}
    </span>
  );
}

function TargetCell({ target, missingHint }: { target: Target | null; missingHint?: string }) {
  if (!target || !target.text.trim()) {
    return missingHint ? (
      <Tooltip title={missingHint}>
        <Tag color="orange">未填写</Tag>
      </Tooltip>
    ) : (
      <span className="muted">—</span>
    );
  }
  return (
    <span className="target">
      {target.text}
      {target.kind === 'qualitative' ? (
        <Tooltip title="定性指标：没有可量化的目标值，评价时需要人工判断">
          <Tag style={{ marginLeft: 6 }}>定性</Tag>
        </Tooltip>
      ) : null}
      {target.kind === 'unparseable' ? (
        <Tooltip title="无法从这段文字中识别出目标值，请核对原文">
          <Tag color="orange" style={{ marginLeft: 6 }}>
            无法识别
          </Tag>
        </Tooltip>
      ) : null}
    </span>
  );
}

function renderDetails(r: IndicatorDto) {
  return (
    <div style={{ lineHeight: 1.8 }}>
      {r.explanation ? (
        <div>
          <b>指标解释：</b>
          {r.explanation}
        </div>
      ) : null}
      {r.formula ? (
        <div>
          <b>说明及公式：</b>
          {r.formula}
        </div>
      ) : null}
    </div>
  );
}

export function IndicatorTable({ indicators }: { indicators: IndicatorDto[] }) {
  const rows = [...indicators].sort((a, b) => a.no - b.no);
  const l1 = spans(rows, (r) => `${r.level1Code ?? ''}|${r.level1 ?? ''}`);
  const l2 = spans(rows, (r) => `${r.level1Code ?? ''}|${r.level1 ?? ''}|${r.level2Code ?? ''}|${r.level2 ?? ''}`);
  const hasDetails = rows.some((r) => r.explanation || r.formula);

  const columns: ColumnsType<IndicatorDto> = [
    { title: '序号', dataIndex: 'no', width: 60, align: 'center' },
    {
      title: '一级指标',
      key: 'level1',
      width: 130,
      render: (_: unknown, r) => <LevelCell code={r.level1Code} name={r.level1} />,
      onCell: (_r, i) => ({ rowSpan: l1[i ?? 0] ?? 1 }),
    },
    {
      title: '二级指标',
      key: 'level2',
      width: 170,
      render: (_: unknown, r) => <LevelCell code={r.level2Code} name={r.level2} />,
      onCell: (_r, i) => ({ rowSpan: l2[i ?? 0] ?? 1 }),
    },
    {
      title: '三级指标',
      dataIndex: 'name',
      render: (name: string, r) => (
        <span>
          {name}
          {r.direction === 'lower' ? (
            <Tooltip title="数值越低越好">
              <Tag color="default" style={{ marginLeft: 6 }}>
                越低越好
              </Tag>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    { title: '实施周期指标值', key: 'periodTarget', width: 170, render: (_: unknown, r) => <TargetCell target={r.periodTarget} /> },
    {
      title: '年度指标值',
      key: 'annualTarget',
      width: 170,
      render: (_: unknown, r) => <TargetCell target={r.annualTarget} missingHint={r.periodTarget ? '有实施周期指标值，但缺少年度指标值' : undefined} />,
    },
  ];

  return (
    <Table<IndicatorDto>
      rowKey="id"
      size="middle"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={
        hasDetails
          ? {
              rowExpandable: (r) => Boolean(r.explanation || r.formula),
              expandedRowRender: renderDetails,
            }
          : undefined
      }
    />
  );
}
