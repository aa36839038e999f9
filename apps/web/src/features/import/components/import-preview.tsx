import type { PreviewProjectDto } from '@jixiao/contract';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatCount, formatWan } from '../../../lib/format';
import type { ImportPreviewDto } from '../api';
import { ProblemList } from './problem-list';

/** A preview with nothing in it: no project, no indicator, no key task — there is nothing to import. */
export function isEmptyPreview(p: ImportPreviewDto): boolean {
  return p.projectCount === 0 && p.indicatorCount === 0 && p.keyTaskCount === 0;
}

function projectColumns(unit: ImportPreviewDto['amountUnit'], withBudget: boolean, manyUnits: boolean): ColumnsType<PreviewProjectDto> {
  const money = (v: number | null) => formatWan(v, unit);
  return [
    { title: '序号', key: 'no', width: 48, align: 'center', render: (_: unknown, __: PreviewProjectDto, i: number) => i + 1 },
    ...(manyUnits ? [{ title: '预算单位', dataIndex: 'unit', width: 180 } as const] : []),
    { title: '项目名称', dataIndex: 'name' },
    { title: '金额（万元）', dataIndex: 'amount', width: 110, align: 'right', className: 'num', render: money },
    ...(withBudget
      ? ([
          { title: '年初预算（万元）', key: 'initial', width: 130, align: 'right', className: 'num', render: (_: unknown, p: PreviewProjectDto) => money(p.budget?.initial ?? null) },
          { title: '全年预算（万元）', key: 'adjusted', width: 130, align: 'right', className: 'num', render: (_: unknown, p: PreviewProjectDto) => money(p.budget?.adjusted ?? null) },
          { title: '全年执行（万元）', key: 'spent', width: 130, align: 'right', className: 'num', render: (_: unknown, p: PreviewProjectDto) => money(p.budget?.spent ?? null) },
        ] as ColumnsType<PreviewProjectDto>)
      : []),
    { title: '指标', dataIndex: 'indicatorCount', width: 52, align: 'right', className: 'num' },
  ];
}

/** What was read from the file, before anything is stored: 确认导入 stores it, 取消 forgets it. */
export function ImportPreview({ preview, busy, onConfirm, onCancel }: { preview: ImportPreviewDto; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const p = preview;
  const errors = p.problems.filter((x) => x.severity === 'error').length;
  const empty = isEmptyPreview(p);
  const withBudget = p.projects.some((x) => x.budget !== null);
  const totalsDiffer = p.statedTotal !== null && p.projectTotal !== null && formatWan(p.statedTotal, p.amountUnit) !== formatWan(p.projectTotal, p.amountUnit);
  return (
    <Card title={`读取结果：${p.fileName}`} style={{ marginBottom: 16 }} className="import-preview">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="文档类型">{p.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="主管部门">{p.department ?? <span className="muted">未写明</span>}</Descriptions.Item>
        <Descriptions.Item label="预算年度">{p.year} 年</Descriptions.Item>
        <Descriptions.Item label="预算单位">{p.units.length ? p.units.join('、') : <span className="muted">未写明</span>}</Descriptions.Item>
        <Descriptions.Item label="项目">{formatCount(p.projectCount)} 个</Descriptions.Item>
        <Descriptions.Item label="绩效指标">{formatCount(p.indicatorCount)} 条</Descriptions.Item>
        {p.keyTaskCount || p.departmentIndicatorCount ? (
          <Descriptions.Item label="部门整体">
            重点任务 {formatCount(p.keyTaskCount)} 项、部门指标 {formatCount(p.departmentIndicatorCount)} 条
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="文档写明的合计">{p.statedTotal === null ? <span className="muted">未写明</span> : `${formatWan(p.statedTotal, p.amountUnit)} 万元`}</Descriptions.Item>
        <Descriptions.Item label="各项目金额之和">
          {p.projectTotal === null ? <span className="muted">—</span> : `${formatWan(p.projectTotal, p.amountUnit)} 万元`}
          {totalsDiffer ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              与合计不一致
            </Tag>
          ) : null}
        </Descriptions.Item>
        {p.amountUnit === '元' ? <Descriptions.Item label="金额单位">原文以元为单位，此处换算为万元显示</Descriptions.Item> : null}
      </Descriptions>

      {empty ? (
        <Alert type="error" showIcon title="没有读到任何项目、指标或重点任务" description="文件的版式虽被识别，但其中没有可导入的内容。请核对是否选错了文件，或文件是否完整。" style={{ marginBottom: 12 }} />
      ) : null}

      {p.projects.length ? (
        <Table<PreviewProjectDto>
          rowKey={(_, i) => String(i)}
          size="small"
          columns={projectColumns(p.amountUnit, withBudget, p.units.length > 1)}
          dataSource={p.projects}
          pagination={p.projects.length > 20 ? { pageSize: 20, size: 'small' } : false}
          // Name, amount and count fit a phone (the name wraps); the budget or unit columns scroll sideways.
          scroll={withBudget || p.units.length > 1 ? { x: 'max-content' } : undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}

      {p.problems.length ? (
        <Alert
          type={errors ? 'error' : 'warning'}
          showIcon
          title={errors ? `读取时发现 ${errors} 处错误、共 ${p.problems.length} 处需要核对的地方` : `读取时发现 ${p.problems.length} 处需要留意的地方，请对照原文核实`}
          description={<ProblemList problems={p.problems} />}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert type="success" showIcon title="读取时没有发现问题" style={{ marginBottom: 12 }} />
      )}

      <Space wrap>
        <Button type="primary" onClick={onConfirm} loading={busy} disabled={empty}>
          确认导入
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
        <span className="muted">确认前不会保存任何内容。</span>
      </Space>
    </Card>
  );
}
