/**
 * 登记整改: the finance reviewer types an item found by an outside inspection, an evaluation or a self-evaluation
 * (review findings and monitoring lines are raised from their own pages, with 问题 and 依据 filled in). The server
 * checks every field again and answers in Chinese naming what is missing.
 */
import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_SOURCE_KINDS, type RectificationSourceKind } from '@jixiao/core';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { navigate } from '../../../lib/router';
import { DeadlineField } from './deadline-field';
import { departmentKeys, listDepartments } from '../../departments';
import { createRectification } from '../api';

interface Values {
  departmentId: number;
  unitName: string;
  responsiblePerson: string;
  problem: string;
  basis: string;
  measures: string;
  deadline: string;
  projectName?: string;
  sourceKind: RectificationSourceKind;
  sourceReference?: string;
  issue: boolean;
}

const TYPED_SOURCES = RECTIFICATION_SOURCE_KINDS.filter((k) => k !== 'review' && k !== 'monitoring').map((k) => ({ value: k, label: RECTIFICATION_SOURCE_LABELS[k] }));

export function CreateRectificationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const departments = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function submit(values: Values) {
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await createRectification({ ...values, projectName: values.projectName || null, sourceReference: values.sourceReference || null, issue: values.issue });
      onClose();
      navigate(`/rectification/${created.id}`);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title="登记整改事项" okText="登记" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      <Form<Values> form={form} layout="vertical" initialValues={{ sourceKind: 'inspection', issue: true }} onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="departmentId" label="责任部门（街道）" rules={[{ required: true, message: '请选择责任部门' }]}>
          <Select<number> showSearch optionFilterProp="label" aria-label="责任部门" placeholder="选择街道" loading={departments.loading} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="unitName" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
          <Input aria-label="责任单位" maxLength={200} placeholder="例如：金花街道办事处" />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input aria-label="责任人" maxLength={100} placeholder="科室或姓名" />
        </Form.Item>
        <Form.Item name="problem" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
          <Input.TextArea aria-label="问题" rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="basis" label="依据" rules={[{ required: true, message: '请填写依据' }]}>
          <Input.TextArea aria-label="依据" rows={2} maxLength={4000} placeholder="文件、条款或检查意见" />
        </Form.Item>
        <Form.Item name="measures" label="整改措施" rules={[{ required: true, message: '请填写整改措施' }]}>
          <Input.TextArea aria-label="整改措施" rows={2} maxLength={4000} />
        </Form.Item>
        <DeadlineField />
        <Form.Item name="sourceKind" label="来源">
          <Select aria-label="来源" options={TYPED_SOURCES} />
        </Form.Item>
        <Form.Item name="sourceReference" label="来源文号或报告" extra="外部检查须写明，例如巡察反馈意见的文号">
          <Input aria-label="来源文号" maxLength={500} />
        </Form.Item>
        <Form.Item name="projectName" label="涉及的项目（可不填）">
          <Input aria-label="涉及的项目" maxLength={200} />
        </Form.Item>
        <Form.Item name="issue" valuePropName="checked">
          <Checkbox>登记后立即下发整改通知</Checkbox>
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
    </Modal>
  );
}
