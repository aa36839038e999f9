import { CHECK_LABELS } from '@jixiao/core';
import { Button, Tooltip } from 'antd';
import type { DocumentReviewDto } from '../api';
import { CONCLUSION_COLORS, CONCLUSION_NEXT } from '../api';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../../../components/score-bar.css';

/** 完整性 相关性 适当性 可行性, the total, 优/良/中/差 (with the computed one beside an override) and the quantified share. */
/** `onConclusion` absent: the conclusion cannot be changed here (not a reviewer, or the review is final). */
export function ScorePanel({ review, onConclusion }: { review: DocumentReviewDto['review']; onConclusion?: () => void }) {
  const { dimensions, total, conclusion, computedConclusion, override, quantified, statusCounts } = review;
  return (
    <section className="rv-score" aria-label="审核得分">
      {dimensions.map((d) => (
        <Tooltip key={d.dimension} title={d.deductions.length ? d.deductions.map((x) => `${CHECK_LABELS[x.check]}：${x.findings} 条，扣 ${x.points} 分`).join('；') : '未扣分'}>
          <div>
            <div className="rv-score-label">
              <span>{d.label}</span>
              <span>{d.max}</span>
            </div>
            <div className="rv-score-value" data-testid={`score-${d.dimension}`}>
              {d.score}
              {d.score < d.max ? <small>扣 {d.max - d.score}</small> : null}
            </div>
            <div className="rv-score-bar">
              <span style={{ width: `${(d.score / d.max) * 100}%`, background: d.score / d.max < 0.6 ? '#c62828' : d.score / d.max < 0.8 ? '#c77700' : '#1f4e8c' }} />
            </div>
          </div>
        </Tooltip>
      ))}
      <div>
        <div className="rv-score-label">总分</div>
        <div className="rv-score-value" style={{ fontSize: 26 }} data-testid="score-total">
          {total}
          <small>/ {dimensions.reduce((a, d) => a + d.max, 0)}</small>
        </div>
        <div className="rv-grade-note">量化指标 {quantified.share ?? '—'}%（{quantified.quantitative}/{quantified.indicators}）</div>
      </div>
      <div>
        <div className="rv-score-label">
          <span>评审结论</span>
          {onConclusion ? (
            <Button size="small" type="link" style={{ padding: 0, height: 18 }} onClick={onConclusion}>
              调整 <kbd style={{ fontSize: 10 }}>C</kbd>
            </Button>
          ) : null}
        </div>
        <div className="rv-grade" style={{ color: CONCLUSION_COLORS[conclusion] }} data-testid="conclusion">
          {conclusion}
        </div>
        <div className="rv-grade-note">{override ? `计算结论「${computedConclusion}」，已由${override.by}调整` : CONCLUSION_NEXT[conclusion]}</div>
      </div>
      <div>
        <div className="rv-score-label">处理进度</div>
        <div className="rv-score-value">
          {statusCounts.open}
          <small>条待处理</small>
        </div>
        <div className="rv-grade-note">
          采纳 {statusCounts.accepted} · 驳回 {statusCounts.dismissed} · 补充 {statusCounts.added}
        </div>
      </div>
    </section>
  );
}
