/**
 * The responsible unit's feedback: what was done, and the 佐证材料 (PDF, images, Word, Excel). The names and sizes
 * are checked here so a mistake is seen at once; the server checks each file by its content and refuses a file whose
 * content is not what its extension says, naming it. Sending is confirmed: the item then goes to the reviewer.
 */
import { EVIDENCE_LIMITS, EVIDENCE_TYPES_TEXT } from '@jixiao/core';
import { Alert, App as AntApp, Button, Input, Popconfirm, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { feedbackRectification, type RectificationDto } from '../api';
import { ACCEPT, checkChosenFiles } from '../model';

export function FeedbackForm({ item, onDone }: { item: RectificationDto; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const chosen = files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
  const problems = checkChosenFiles(chosen);

  async function send() {
    setBusy(true);
    setFailure(undefined);
    try {
      await feedbackRectification(item.id, item.revision, text.trim(), chosen);
      void message.success('已反馈，等待财政审核人核实', 3);
      setText('');
      setFiles([]);
      onDone();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rc-feedback">
      <Input.TextArea aria-label="整改情况" rows={4} maxLength={4000} showCount placeholder="已采取的整改措施和结果" value={text} onChange={(e) => setText(e.target.value)} />
      <Upload multiple accept={ACCEPT} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
        <Button>选择佐证材料</Button>
      </Upload>
      <div className="muted" style={{ fontSize: 12 }}>
        可上传 {EVIDENCE_TYPES_TEXT}，每个不超过 10 MB，最多 {EVIDENCE_LIMITS.maxFilesPerChange} 个；按文件内容识别类型。
      </div>
      {problems.length > 0 ? <Alert type="warning" showIcon title={problems.join(' ')} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      <div>
        <Popconfirm title="确定提交反馈？" description="提交后由财政审核人核实销号或退回，在此之前不能修改。" okText="提交" cancelText="取消" onConfirm={() => void send()} disabled={text.trim() === '' || problems.length > 0}>
          <Button type="primary" loading={busy} disabled={text.trim() === '' || problems.length > 0}>
            提交反馈
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}
