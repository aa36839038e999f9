/**
 * The 自评报告 sections: each prefilled with the draft (written from the saved data: shortfalls as problems, a
 * measure for each), edited in place and saved with the revision; an unedited section keeps following the data.
 */
import { Button, Input, Tag } from 'antd';
import { useState } from 'react';
import type { SelfEvaluationDto } from '../api';

export function ReportEditor({
  report,
  onSave,
  saving,
  readOnly,
}: {
  report: SelfEvaluationDto['report'];
  onSave: (sections: Record<string, string>) => void;
  saving: boolean;
  /** Submitted, done, locked, or a person who may not edit it. */
  readOnly?: boolean;
}) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.sections.map((s) => [s.heading, s.text])));
  const changed = report.sections.some((s) => (texts[s.heading] ?? s.text) !== s.text);
  function save() {
    // Keep what was edited before, and what differs from the draft now; the rest follows the data.
    const edits = Object.fromEntries(report.sections.filter((s) => s.edited || (texts[s.heading] ?? s.text) !== s.drafted).map((s) => [s.heading, texts[s.heading] ?? s.text]));
    onSave(edits);
  }
  return (
    <div>
      <h3 style={{ textAlign: 'center', margin: '4px 0 12px' }}>{report.title}</h3>
      {report.sections.map((s) => {
        const top = /^[一二三四五六七八九十]+、/.test(s.heading);
        if (top && !s.drafted && !s.edited) {
          return (
            <h4 key={s.heading} style={{ margin: '14px 0 6px' }}>
              {s.heading}
            </h4>
          );
        }
        return (
          <div key={s.heading} style={{ marginBottom: 10 }}>
            <div style={{ fontWeight: 500, marginBottom: 4 }}>
              {s.heading} {s.edited ? <Tag color="blue">已修改</Tag> : <Tag>按数据起草</Tag>}
            </div>
            <Input.TextArea aria-label={`报告 ${s.heading}`} autoSize={{ minRows: 2, maxRows: 12 }} value={texts[s.heading] ?? s.text} onChange={(e) => setTexts((t) => ({ ...t, [s.heading]: e.target.value }))} readOnly={readOnly} />
          </div>
        );
      })}
      {readOnly ? null : (
        <Button type="primary" disabled={!changed} loading={saving} onClick={save}>
          保存自评报告
        </Button>
      )}
    </div>
  );
}
