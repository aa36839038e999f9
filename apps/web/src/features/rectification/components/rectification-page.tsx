/**
 * One 整改 item: what it is (问题, 依据, 措施, 责任单位, 期限, 来源), its history with the evidence given at each
 * feedback, and what the signed-in person may do now — the reviewer 下发 / 销号 / 退回 (each confirmed), the unit's
 * editor the feedback form with files. The buttons are the server's `actions`; the server decides again.
 */
import { chinaTime } from '@jixiao/core';
import { App as AntApp, Button, Card, Descriptions, Input, Modal, Popconfirm, Skeleton, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { ErrorState, NotFound } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { OutputJobButton } from '../../../components/output-job-button';
import { getRectification, moveRectification, rectificationKeys, type RectificationDto } from '../api';
import { deadlineText, fileSize, STATUS_COLORS } from '../model';
import { FeedbackForm } from './feedback-form';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../rectification.css';

type Attachment = RectificationDto['attachments'][number];

function FileLinks({ files }: { files: Attachment[] }) {
  if (files.length === 0) return null;
  return (
    <div className="rc-files">
      {files.map((f) => (
        <a key={f.id} className="rc-file" href={f.url} title={`SHA-256 ${f.sha256}`}>
          {f.fileName}（{f.typeLabel}，{fileSize(f.size)}）
        </a>
      ))}
    </div>
  );
}

function History({ item }: { item: RectificationDto }) {
  if (item.history.length === 0) return <div className="muted">已登记，尚未下发。</div>;
  return (
    <Timeline
      items={[...item.history].reverse().map((t) => ({
        key: t.id,
        color: t.to === 'returned' ? 'orange' : t.to === 'verified' ? 'green' : 'blue',
        children: (
          <div>
            <div>
              <strong>{t.actionLabel}</strong>
              <span className="muted">
                {' '}
                · {t.fromLabel} → {t.toLabel}
              </span>
            </div>
            <div className="muted">
              {t.by.displayName}（{t.by.roleLabel}） · {chinaTime(t.at)}
            </div>
            {t.text ? <div className="rc-text">{t.text}</div> : null}
            <FileLinks files={t.attachments} />
          </div>
        ),
      }))}
    />
  );
}

export function RectificationPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const { message } = AntApp.useApp();
  const invalidate = useInvalidate();
  const loaded = useApiQuery(rectificationKeys.detail(id), (signal) => getRectification(id, signal));
  const [busy, setBusy] = useState<string>();
  const [returning, setReturning] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [text, setText] = useState('');

  if (!Number.isInteger(id) || id <= 0) return <NotFound what="整改事项" />;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFound what="整改事项" />;
  const item = loaded.data;

  async function act(action: 'issue' | 'verify' | 'return', done: string, remark?: string) {
    if (!item) return;
    setBusy(action);
    try {
      await moveRectification(item.id, action, item.revision, remark);
      void message.success(done, 2);
      setReturning(false);
      setVerifying(false);
      setText('');
      await invalidate(rectificationKeys.all);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
    } finally {
      setBusy(undefined);
    }
  }

  const may = (action: string) => item?.actions.some((a) => a.action === action) ?? false;

  return (
    <>
      <PageHead title={item ? `整改：${item.problem.slice(0, 24)}${item.problem.length > 24 ? '…' : ''}` : '整改事项'} crumbs={[{ label: '整改', to: '/rectification' }, { label: item ? `第 ${item.id} 项` : '整改事项' }]} />
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {!item ? (
        <Skeleton active />
      ) : (
        <div className="rc-detail">
          <div>
            <Card size="small" title={<span>整改事项 <Tag color={STATUS_COLORS[item.status]}>{item.statusLabel}</Tag></span>} extra={<OutputJobButton size="small" request={{ format: 'rectification-notice', id: item.id }}>下载整改通知书</OutputJobButton>}>
              <Descriptions size="small" column={1} bordered items={[
                { key: 'problem', label: '问题', children: <span className="rc-text">{item.problem}</span> },
                { key: 'basis', label: '依据', children: <span className="rc-text">{item.basis}</span> },
                { key: 'measures', label: '整改措施', children: <span className="rc-text">{item.measures}</span> },
                { key: 'unit', label: '责任单位', children: `${item.unitName}（${item.responsiblePerson}）` },
                { key: 'deadline', label: '整改期限', children: <span>{item.deadline} <span className={item.overdue ? 'rc-overdue' : 'muted'}>{deadlineText(item.daysLeft)}</span></span> },
                { key: 'source', label: '来源', children: `${item.source.label}${item.source.reference ? `：${item.source.reference}` : ''}` },
                ...(item.projectName ? [{ key: 'project', label: '涉及项目', children: item.projectName }] : []),
                { key: 'created', label: '登记', children: `${item.createdBy} · ${chinaTime(item.createdAt)}` },
              ]} />
            </Card>
            {may('feedback') ? (
              <Card size="small" title={item.status === 'returned' ? '重新反馈整改情况' : '反馈整改情况'} style={{ marginTop: 12 }}>
                <FeedbackForm item={item} onDone={() => void invalidate(rectificationKeys.all)} />
              </Card>
            ) : null}
          </div>
          <div>
            {may('issue') || may('verify') || may('return') ? (
              <Card size="small" title="办理">
                <div className="rc-actions">
                  {may('issue') ? (
                    <Popconfirm title="确定下发整改通知？" description="下发后责任单位即可看到并反馈。" okText="下发" cancelText="取消" onConfirm={() => void act('issue', '已下发')}>
                      <Button type="primary" loading={busy === 'issue'}>
                        下发整改通知
                      </Button>
                    </Popconfirm>
                  ) : null}
                  {may('verify') ? (
                    <Button type="primary" loading={busy === 'verify'} onClick={() => setVerifying(true)}>
                      核实销号
                    </Button>
                  ) : null}
                  {may('return') ? (
                    <Button danger loading={busy === 'return'} onClick={() => setReturning(true)}>
                      退回重新整改
                    </Button>
                  ) : null}
                </div>
              </Card>
            ) : null}
            <Card size="small" title="办理经过" style={{ marginTop: may('issue') || may('verify') || may('return') ? 12 : 0 }}>
              <History item={item} />
            </Card>
          </div>
        </div>
      )}
      <Modal open={verifying} title="确定销号？" okText="销号" cancelText="取消" confirmLoading={busy === 'verify'} onCancel={() => setVerifying(false)} onOk={() => void act('verify', '已销号', text.trim() || undefined)} destroyOnHidden>
        <p>销号后这项整改即告完成，不能再反馈或退回。请先核对佐证材料。</p>
        <Input.TextArea aria-label="销号意见" rows={3} maxLength={2000} placeholder="销号意见（可不填）" value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
      <Modal open={returning} title="退回重新整改" okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: text.trim() === '' }} confirmLoading={busy === 'return'} onCancel={() => setReturning(false)} onOk={() => void act('return', '已退回', text.trim())} destroyOnHidden>
        <Input.TextArea aria-label="退回理由" rows={4} maxLength={2000} placeholder="写明还差什么，例如：缺少发放台账" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      </Modal>
    </>
  );
}
