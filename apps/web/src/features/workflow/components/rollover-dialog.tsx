/**
 * 结转到下一年度 (issue 13 item 6): asks the year and whether to keep last year's amounts, says what carries over and
 * what does not, then makes the draft and opens it.
 */
import { Alert, Checkbox, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { navigate } from '../../../lib/router';
import { rollOverTargets } from '../api';

export function RolloverDialog({ documentId, year, open, onClose }: { documentId: number; year: number | null; open: boolean; onClose: () => void }) {
  const [toYear, setToYear] = useState<number | null>(year === null ? null : year + 1);
  const [keepAmounts, setKeepAmounts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  async function submit() {
    setBusy(true);
    setFailure(undefined);
    try {
      const made = await rollOverTargets(documentId, { keepAmounts, ...(toYear ? { toYear } : {}) });
      onClose();
      navigate(`/review/${made.documentId}`);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title="结转到下一年度" okText="生成草稿" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: !toYear }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <p>以已批复的版本为基础，生成新年度的绩效目标草稿：单位、项目、绩效目标、重点任务和全部指标（层级、指标值）保留，实际完成值和得分清空。草稿照常修改、提交和审核。</p>
      <div className="toolbar">
        <span>结转到</span>
        <InputNumber<number> min={1990} max={2100} value={toYear} onChange={setToYear} addonAfter="年度" aria-label="结转年度" style={{ width: 150 }} />
      </div>
      <Checkbox checked={keepAmounts} onChange={(e) => setKeepAmounts(e.target.checked)}>
        保留上年金额作为起点（不勾选则清空，按新一年的预算重新填写）
      </Checkbox>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
