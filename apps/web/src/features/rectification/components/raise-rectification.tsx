/**
 * 生成整改项: from a review finding or a monitoring red/yellow line, the finance reviewer adds only who answers for
 * it, what is to be done and by when — 问题 and 依据 come from the finding or the line (services fills them in).
 * Shown only to whoever may create items; a second item from the same problem is refused, naming the first.
 */
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { navigate } from '../../../lib/router';
import { DeadlineField } from './deadline-field';
import { useCan } from '../../session';
import { createFromFinding, createFromMonitoringLine } from '../api';

export type RaiseSource = { kind: 'finding'; documentId: number; findingKey: string } | { kind: 'line'; evaluationId: number; lineKey: string };

interface Values {
  responsiblePerson: string;
  measures: string;
  deadline: string;
}

/** `compact`: a text button beside a row's other actions (采纳 / 驳回), as they are drawn. */
export function RaiseRectificationButton({ source, label = '生成整改项', compact = false }: { source: RaiseSource; label?: string; compact?: boolean }) {
  const allowed = useCan('rectification.manage');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [form] = Form.useForm<Values>();
  if (!allowed) return null;

  async function submit(values: Values) {
    setBusy(true);
    setFailure(undefined);
    try {
      const created = source.kind === 'finding' ? await createFromFinding({ ...values, documentId: source.documentId, findingKey: source.findingKey }) : await createFromMonitoringLine({ ...values, evaluationId: source.evaluationId, lineKey: source.lineKey });
      setOpen(false);
      navigate(`/rectification/${created.id}`);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" type={compact ? 'text' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal open={open} title="生成整改项" okText="生成" cancelText="取消" confirmLoading={busy} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <p className="muted">问题和依据取自{source.kind === 'finding' ? '这条审核问题' : '这一行预警'}，责任部门为文档所属部门。生成后在整改页下发。</p>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item name="responsiblePerson" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
            <Input aria-label="责任人" maxLength={100} />
          </Form.Item>
          <Form.Item name="measures" label="整改措施" rules={[{ required: true, message: '请填写整改措施' }]}>
            <Input.TextArea aria-label="整改措施" rows={3} maxLength={4000} />
          </Form.Item>
        <DeadlineField />
        </Form>
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
      </Modal>
    </>
  );
}
