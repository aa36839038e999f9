import type { PreviewProblemDto } from '@jixiao/contract';
import { Alert, Button, Card, Result, Space } from 'antd';
import { navigate } from '../../../lib/router';
import { DOCUMENT_KIND_LABELS, type ImportOutcomeDto } from '../api';
import { ProblemList } from './problem-list';

export interface Outcome {
  fileName: string;
  outcome: ImportOutcomeDto;
  /** The problems the preview of the same file listed. */
  problems: PreviewProblemDto[];
}

const STATUS_TEXT: Record<ImportOutcomeDto['status'], { title: string; status: 'success' | 'info' }> = {
  created: { title: '导入成功', status: 'success' },
  'new-version': { title: '已导入为新版本', status: 'success' },
  unchanged: { title: '内容没有变化', status: 'info' },
};

export function OutcomeView({ result }: { result: Outcome }) {
  const { outcome, problems, fileName } = result;
  const text = STATUS_TEXT[outcome.status];
  const sub =
    outcome.status === 'unchanged'
      ? `“${fileName}”与已导入的第 ${outcome.version} 版完全相同，没有做任何改动。`
      : `“${fileName}”（${DOCUMENT_KIND_LABELS[outcome.kind]}，${outcome.year} 年度${outcome.department ? `，${outcome.department}` : ''}）：${outcome.projectCount} 个项目、${outcome.indicatorCount} 条绩效指标${outcome.status === 'new-version' ? `，现为第 ${outcome.version} 版（旧版本已保留）` : ''}。`;
  return (
    <Card style={{ marginBottom: 16 }} className="import-outcome">
      <Result
        status={text.status}
        title={text.title}
        subTitle={sub}
        style={{ padding: '16px 0' }}
        extra={
          <Space wrap>
            {outcome.departmentId ? (
              <Button type="primary" onClick={() => navigate(`/departments/${outcome.departmentId}`)}>
                查看{outcome.department ? `“${outcome.department}”` : '部门'}的项目
              </Button>
            ) : null}
            {outcome.kind.endsWith('-targets') ? <Button onClick={() => navigate(`/review/${outcome.documentId}`)}>查看审核页</Button> : null}
          </Space>
        }
      />
      {problems.length && outcome.status !== 'unchanged' ? (
        <Alert type="info" showIcon title={`读取时发现的 ${problems.length} 处需要留意的地方已随文档保存，请对照原文核实`} description={<ProblemList problems={problems} limit={20} />} />
      ) : outcome.problemCount && outcome.status !== 'unchanged' ? (
        <Alert type="info" showIcon title={`读取时发现的 ${outcome.problemCount} 处需要留意的地方已随文档保存，请在审核页对照原文核实`} />
      ) : null}
    </Card>
  );
}
