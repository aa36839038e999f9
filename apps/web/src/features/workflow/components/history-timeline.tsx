import { chinaTime } from '@jixiao/core';
import { Timeline } from 'antd';
import type { TransitionDto } from '@jixiao/contract';

/** Every transition: who (name and role), when, from which state to which, in which round and on which version, why. */
export function HistoryTimeline({ history }: { history: TransitionDto[] }) {
  if (history.length === 0) return <div className="muted">尚无流转记录（草稿，第 1 轮）。</div>;
  return (
    <Timeline
      className="wf-history"
      items={[...history].reverse().map((t) => ({
        key: t.id,
        color: t.to === 'returned' || t.to === 'rejected' ? 'orange' : t.to === 'approved' || t.to === 'done' ? 'green' : 'blue',
        children: (
          <div>
            <div>
              <strong>{t.actionLabel}</strong>
              <span className="muted">
                {' '}
                · {t.fromLabel} → {t.toLabel} · 第 {t.round} 轮 · 第 {t.version} 版{t.conclusion ? ` · 评审结论「${t.conclusion}」` : ''}
              </span>
            </div>
            <div className="muted">
              {t.by.displayName}（{t.by.roleLabel}） · {chinaTime(t.at)}
            </div>
            {t.reason ? <div className="wf-reason">{t.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
