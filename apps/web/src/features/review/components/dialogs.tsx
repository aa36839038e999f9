/** The reviewer's dialogs: dismiss with a reason, set the conclusion with a reason, add a finding. Ctrl+Enter submits. */
import { CHECK_LABELS, CHECKS, DIMENSION_LABELS, NATIONAL_TARGET_REVIEW, SEVERITY_LABELS, type CheckId, type Dimension, type Severity } from '@jixiao/core';
import type { AddFindingRequest } from '@jixiao/contract';
import { Form, Input, Modal, Radio, Select, Tag } from 'antd';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { CONCLUSION_COLORS, CONCLUSION_NEXT, type ReviewedFinding } from '../api';
import { whereText, type Group } from '../model';

const QUICK_REASONS = ['经核实，原文无误', '读取误差，原文已填写', '不适用于本项目', '与其他问题重复', '单位已作说明，可以接受'];

function submitOnCtrlEnter(submit: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
}

export function DismissDialog({ finding, busy, onCancel, onSubmit }: { finding: ReviewedFinding | undefined; busy: boolean; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const submit = () => reason.trim() && onSubmit(reason.trim());
  return (
    <Modal
      open={finding !== undefined}
      title="驳回这条问题"
      okText="驳回"
      cancelText="取消"
      okButtonProps={{ disabled: !reason.trim(), loading: busy, danger: true }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      {finding ? (
        <div style={{ marginBottom: 12 }}>
          <div className="muted" style={{ fontSize: 12 }}>
            {whereText(finding)}
          </div>
          <div>{finding.finding.message}</div>
        </div>
      ) : null}
      <div style={{ marginBottom: 8 }}>
        {QUICK_REASONS.map((r) => (
          <Tag key={r} style={{ cursor: 'pointer', marginBottom: 4 }} onClick={() => setReason(r)}>
            {r}
          </Tag>
        ))}
      </div>
      <Input.TextArea
        autoFocus
        aria-label="驳回理由"
        placeholder="驳回理由（必填，会写入评审记录）"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={submitOnCtrlEnter(submit)}
      />
      <div className="muted" style={{ fontSize: 12, marginTop: 6 }}>
        Ctrl+Enter 提交
      </div>
    </Modal>
  );
}

export function ConclusionDialog({
  open,
  current,
  computed,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  current: string;
  computed: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (conclusion: '优' | '良' | '中' | '差', reason: string) => void;
}) {
  // Mounted afresh (by key) each time it opens.
  const [conclusion, setConclusionValue] = useState<'优' | '良' | '中' | '差'>(() => (['优', '良', '中', '差'] as const).find((g) => g === current) ?? '良');
  const [reason, setReason] = useState('');
  const submit = () => reason.trim() && onSubmit(conclusion, reason.trim());
  return (
    <Modal open={open} title="评审结论" okText="确定结论" cancelText="取消" okButtonProps={{ disabled: !reason.trim(), loading: busy }} onOk={submit} onCancel={onCancel} destroyOnHidden>
      <p className="muted">按评分规则计算的结论为「{computed}」。调整结论须写明理由，计算结论会一并写入评审意见。</p>
      <Radio.Group value={conclusion} onChange={(e) => setConclusionValue(e.target.value as typeof conclusion)} style={{ marginBottom: 12 }} aria-label="评审结论">
        {(['优', '良', '中', '差'] as const).map((g) => (
          <Radio.Button key={g} value={g} style={{ minWidth: 64, textAlign: 'center' }}>
            <b style={{ color: CONCLUSION_COLORS[g] }}>{g}</b>
          </Radio.Button>
        ))}
      </Radio.Group>
      <div className="muted" style={{ fontSize: 12, marginBottom: 8 }}>
        {CONCLUSION_NEXT[conclusion]}
      </div>
      <Input.TextArea
        aria-label="结论理由"
        placeholder="理由（必填）"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={submitOnCtrlEnter(submit)}
      />
    </Modal>
  );
}

const CHECK_DIMENSION = new Map<CheckId, Dimension>(CHECKS.map((c) => [c.id, c.dimension]));

interface AddValues {
  check: CheckId;
  dimension: Dimension;
  severity: Severity;
  group?: string;
  indicator?: number;
  message: string;
  suggestion?: string;
}

export function AddFindingDialog({
  open,
  groups,
  initialGroup,
  initialIndicator,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  groups: readonly Group[];
  initialGroup: string | undefined;
  initialIndicator: number | undefined;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: Omit<AddFindingRequest, 'by'>) => void;
}) {
  const [form] = Form.useForm<AddValues>();
  const groupKey = Form.useWatch('group', form);
  const group = groups.find((g) => g.key === groupKey);

  useEffect(() => {
    if (open) form.setFieldsValue({ check: 'qualitative-target', dimension: 'feasibility', severity: 'warning', group: initialGroup, indicator: initialIndicator, message: '', suggestion: '' });
  }, [open, initialGroup, initialIndicator, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const g = groups.find((x) => x.key === v.group);
    onSubmit({
      check: v.check,
      dimension: v.dimension,
      severity: v.severity,
      location: {
        ...(g?.unit ? { unit: g.unit } : {}),
        ...(g?.project ? { project: g.project } : {}),
        ...(g?.keyTask ? { keyTask: g.keyTask } : {}),
        ...(g && v.indicator ? { indicator: v.indicator } : {}),
      },
      message: v.message,
      suggestion: v.suggestion ?? '',
    });
  };

  return (
    <Modal open={open} title="补充问题" okText="添加" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} width={640} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" size="small" onKeyDown={submitOnCtrlEnter(() => void submit())}>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', gap: 8 }}>
          <Form.Item name="check" label="问题类型" rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={CHECKS.map((c) => ({ value: c.id, label: CHECK_LABELS[c.id] }))}
              onChange={(id: CheckId) => form.setFieldsValue({ dimension: CHECK_DIMENSION.get(id) ?? 'completeness', severity: NATIONAL_TARGET_REVIEW.settings.severities[id] ?? 'warning' })}
            />
          </Form.Item>
          <Form.Item name="dimension" label="审核维度" rules={[{ required: true }]}>
            <Select options={(Object.keys(DIMENSION_LABELS) as Dimension[]).map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="severity" label="严重程度" rules={[{ required: true }]}>
            <Select options={(['error', 'warning', 'info'] as const).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
          </Form.Item>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          <Form.Item name="group" label="项目">
            <Select allowClear placeholder="整个文档" showSearch={{ optionFilterProp: 'label' }} options={groups.map((g) => ({ value: g.key, label: g.label }))} onChange={() => form.setFieldsValue({ indicator: undefined })} />
          </Form.Item>
          <Form.Item name="indicator" label="指标">
            <Select
              allowClear
              disabled={!group}
              placeholder={group ? '整个项目' : '先选项目'}
              showSearch={{ optionFilterProp: 'label' }}
              options={(group?.indicators ?? []).map((i) => ({ value: i.no, label: `${i.no}. ${i.name}` }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="message" label="问题描述" rules={[{ required: true, whitespace: true, message: '请写明问题是什么' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="例如：指标值「提升」无法衡量" />
        </Form.Item>
        <Form.Item name="suggestion" label="修改建议">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="例如：写成「较上年提高5个百分点」" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
