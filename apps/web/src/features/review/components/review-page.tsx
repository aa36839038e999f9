/**
 * The review workspace of one document: the score panel on top, the document's projects and indicators beside the
 * findings, the reviewer's decisions (each answered by the server with the review recomputed), the opinion .docx.
 * Keyboard-first for a reviewer with many departments to get through: J/K move, A accept, D dismiss, N add,
 * C conclusion, / search, Esc clears the filters. Targets can be edited in place (click or Enter on the highlighted
 * indicator): the browser re-runs the core checks on a local copy as the person types, marked 「未保存的修改」,
 * until they are saved as a new version or discarded.
 */
import { Alert, App as AntApp, Button, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorState, NotFound } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { useEditableResource } from '../../../lib/editable-resource';
import { ApiError } from '../../../lib/http';
import { useInvalidate } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { DOCUMENT_KIND_LABELS, documentKeys, getDocument, type InterchangeDocument } from '../../import';
import { addFinding, decideFinding, getReview, isStaleDocumentSave, reviewKeys, saveDocumentContent, setConclusion, type DocumentReviewDto, type ReviewedFinding } from '../api';
import { useCan, useSession } from '../../session';
import { REVIEW_FINAL_STATUSES, ROLE_LABELS, TARGET_STATUS_LABELS } from '@jixiao/core';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../review.css';
import { AddFindingDialog, ConclusionDialog, DismissDialog } from './dialogs';
import { DocumentPane } from './document-pane';
import { FindingsPane } from './findings-pane';
import {
  afterSave,
  applyEditing,
  applyFilters,
  browserRuleSet,
  changedKeys,
  goalOf,
  groupOf,
  groupsOf,
  indicatorEditOf,
  indicatorKey,
  indicatorKeyOf,
  marksOf,
  NO_FILTERS,
  reviewEdited,
  savedMessage,
  saveRequestOf,
  sortFindings,
  withIndicatorAdded,
  withIndicatorMoved,
  withIndicatorRemoved,
  withReview,
  type Editing,
  type Filters,
  type ReviewEditorState,
} from '../model';
import { ScorePanel } from './score-panel';
import { StaleSaveAlert, WorkflowPanel } from '../../workflow';
import { LastYearNote, projectNoteKey, useLastYearResults } from '../../results-use';
import { OutputJobButton } from '../../../components/output-job-button';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.ant-modal, .ant-select-dropdown'));
}

export function ReviewPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const { message } = AntApp.useApp();
  const invalidate = useInvalidate();
  // Last year's result and the finance decision beside each project (results use, R11).
  const lastYear = useLastYearResults(id);
  const editor = useEditableResource<ReviewEditorState, InterchangeDocument, 'send'>({
    queryKey: reviewKeys.detail(id),
    load: async (signal) => {
      const [review, document] = await Promise.all([getReview(id, signal), getDocument(id, signal)]);
      return { review, document };
    },
    draftOf: (s) => s.document,
    isConflict: isStaleDocumentSave,
  });
  // The reviewer is the signed-in person (decision 010): the server records their name on every decision.
  const session = useSession();
  const reviewer = session.status === 'signed-in' ? session.session.user.displayName : '';
  // The server refuses decisions to other roles anyway (403); the page says so up front.
  const mayDecide = useCan('review.decide');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | undefined>();
  const [highlight, setHighlight] = useState<string | undefined>();
  const [dismissing, setDismissing] = useState<ReviewedFinding | undefined>();
  const [concluding, setConcluding] = useState(false);
  const [adding, setAdding] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);
  /** The edit being typed (kept edits are the editor's copy). */
  const [editing, setEditing] = useState<Editing | undefined>();
  const busy = editor.busy !== null;
  const stale = editor.conflict;

  const serverReview = editor.server?.review;
  // The core's rule: an approved or rejected version's review is final (the server refuses any change to it).
  const targetStatus = serverReview?.document.targetStatus ?? null;
  const reviewFinal = targetStatus !== null && REVIEW_FINAL_STATUSES.includes(targetStatus);
  const decidable = mayDecide && !reviewFinal;
  const storedDoc = editor.server?.document;
  const base = editor.draft;
  const working = useMemo(() => (base ? applyEditing(base, editing) : undefined), [base, editing]);
  const dirty = !!working && !!storedDoc && working !== storedDoc;
  const settledWorking = useDebounced(working, 200);
  const ruleSet = serverReview ? browserRuleSet(serverReview.review.ruleSet.ref) : undefined;
  const preview = useMemo(
    () => (dirty && settledWorking && settledWorking !== storedDoc && serverReview && ruleSet ? reviewEdited(settledWorking, serverReview, ruleSet) : undefined),
    [dirty, settledWorking, storedDoc, serverReview, ruleSet],
  );
  const doc = working;
  const groups = useMemo(() => groupsOf(doc), [doc]);
  const lastYearNotes = useMemo(
    () => new Map(groups.filter((g) => g.project !== undefined && lastYear.byProject.has(projectNoteKey(g.unit, g.project))).map((g) => [g.key, <LastYearNote key={g.key} results={lastYear} noteKey={projectNoteKey(g.unit, g.project)} />])),
    [groups, lastYear],
  );
  const changed = useMemo(() => (dirty && doc && storedDoc ? changedKeys(doc, storedDoc) : new Set<string>()), [dirty, doc, storedDoc]);
  /** Something differs from the stored version (an edit that was typed back to the stored text is no change). */
  const unsaved = changed.size > 0;
  const review = (unsaved ? preview : undefined) ?? serverReview;
  const goals = useMemo(() => new Map(groups.filter((g) => g.project !== undefined).map((g) => [g.key, goalOf(doc, g.key) ?? null] as const)), [groups, doc]);

  const commitEdit = () => {
    if (working && editing) editor.edit(() => working);
    setEditing(undefined);
  };
  const discard = () => {
    editor.discard();
    setEditing(undefined);
  };
  async function save() {
    if (!working || !serverReview) return;
    try {
      const next = await editor.send('send', (s) => saveDocumentContent(id, saveRequestOf(s, working)), (reply) => afterSave(reply, working));
      // Someone saved first (decision 011): the warning says who and when, and offers to reload; the edits stay until then.
      if (!next) return;
      setEditing(undefined);
      void message.success(savedMessage(serverReview.document.version, next.document.version), 2);
      // The stored document as the server keeps it, and its new version in every list.
      void invalidate(reviewKeys.detail(id));
      void invalidate(documentKeys.all);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    }
  }
  const sorted = useMemo(() => sortFindings(review?.findings ?? [], groups), [review, groups]);
  const shown = useMemo(() => applyFilters(sorted, groups, filters), [sorted, groups, filters]);

  const marks = useMemo(() => marksOf(sorted, groups), [sorted, groups]);

  const select = useCallback(
    (key: string | undefined) => {
      setSelected(key);
      const f = sorted.find((x) => x.finding.key === key);
      setHighlight(f ? indicatorKeyOf(f, groups) : undefined);
    },
    [sorted, groups],
  );

  const requireReviewer = (): string | undefined => reviewer || undefined;

  /** Runs a decision; on success shows the recomputed review and moves on to the next open finding. */
  async function act(run: () => Promise<DocumentReviewDto>, done: string, advanceFrom?: string) {
    if (unsaved) {
      void message.warning('请先保存或放弃未保存的修改，再处理问题');
      return false;
    }
    const by = requireReviewer();
    if (!by) return false;
    try {
      const next = await editor.send('send', run, (reply, s) => withReview(s, reply), { settled: false, conflicts: false });
      if (!next) return false;
      void message.success(done, 1.2);
      if (advanceFrom) {
        const i = shown.findIndex((f) => f.finding.key === advanceFrom);
        const after = [...shown.slice(i + 1), ...shown.slice(0, Math.max(0, i))].find((f) => next.findings.some((n) => n.finding.key === f.finding.key && n.status === 'open'));
        if (after) select(after.finding.key);
      }
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiError && e.status === 404) editor.refresh();
      return false;
    }
  }

  const accept = (f: ReviewedFinding) => void act(() => decideFinding(id, { findingKey: f.finding.key, decision: 'accept' }), f.status === 'dismissed' ? '已恢复' : '已采纳', f.finding.key);
  const dismiss = (f: ReviewedFinding) => {
    if (requireReviewer()) setDismissing(f);
  };

  // Keyboard (re-subscribed on every render, so the handler always sees the current list).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dismissing || concluding || adding || editing) return;
      const list = shown;
      const i = list.findIndex((f) => f.finding.key === selected);
      const current = i >= 0 ? list[i] : undefined;
      const move = (d: number) => {
        const next = list[Math.min(list.length - 1, Math.max(0, i < 0 ? 0 : i + d))];
        if (next) select(next.finding.key);
      };
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          move(-1);
          break;
        case 'a':
          if (decidable && current && current.status !== 'accepted' && current.status !== 'added') accept(current);
          break;
        case 'd':
          if (decidable && current && current.status !== 'dismissed') dismiss(current);
          break;
        case 'n':
          if (decidable) setAdding(true);
          break;
        case 'c':
          if (decidable) setConcluding(true);
          break;
        case '/':
          searchRef.current?.focus();
          break;
        case 'Enter': {
          if (!highlight || !working) return;
          const at = highlight.lastIndexOf('#');
          const groupKey = highlight.slice(0, at);
          const no = Number(highlight.slice(at + 1));
          const ind = groupsOf(working).find((g) => g.key === groupKey)?.indicators.find((x) => x.no === no);
          if (!ind) return;
          setEditing({ kind: 'indicator', groupKey, no, value: indicatorEditOf(ind) });
          break;
        }
        case 'Escape':
          setFilters(NO_FILTERS);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!Number.isInteger(id) || id <= 0) return <NotFound what="文档" />;
  if (editor.error && !review) {
    if (editor.error instanceof ApiError && editor.error.status === 404) return <NotFound what="文档" />;
    return <ErrorState error={editor.error} onRetry={editor.refresh} />;
  }
  if (!review || !doc) return <div className="app-loading">正在计算审核结果…</div>;

  const d = review.document;
  const selectedFinding = sorted.find((f) => f.finding.key === selected);
  const selectedGroup = selectedFinding ? groupOf(selectedFinding, groups) : undefined;
  const [hlGroup, hlNo] = highlight ? [highlight.slice(0, highlight.lastIndexOf('#')), Number(highlight.slice(highlight.lastIndexOf('#') + 1))] : [];

  return (
    <>
      <PageHead
        title={`审核：${d.title}`}
        crumbs={[{ label: '审核', to: '/review' }, { label: d.title }]}
        sub={
          <span>
            {DOCUMENT_KIND_LABELS[d.kind]}
            {d.fileName ? ` · ${d.fileName}` : ''} · 第 {d.version} 版 · {d.projectCount} 个项目 {d.indicatorCount} 个指标 · 审核规则：{review.review.ruleSet.title}
          </span>
        }
        extra={
          <div className="toolbar" style={{ marginBottom: 0 }}>
            {mayDecide ? (
              <span className="review-reviewer" aria-label="评审人">
                评审人：{reviewer}
              </span>
            ) : null}
            {d.kind === 'project-targets' || d.kind === 'department-targets' ? (
              <OutputJobButton type="primary" request={{ format: 'opinion', id, reviewer: reviewer.trim() || undefined }}>
                下载评审意见（.docx）
              </OutputJobButton>
            ) : (
              <Button disabled title="只有绩效目标文档可以出具评审意见">
                下载评审意见（.docx）
              </Button>
            )}
          </div>
        }
      />
      {stale ? (
        <StaleSaveAlert
          message={stale}
          onReload={() => {
            setEditing(undefined);
            editor.reload();
          }}
        />
      ) : null}
      {unsaved ? (
        <div className="rv-unsaved" role="status" aria-label="未保存的修改">
          <strong>未保存的修改</strong>
          <span>
            {changed.size} 处。
            {ruleSet
              ? `问题清单和得分已在浏览器内按修改重新计算（规则集 ${ruleSet.name}）。保存后成为第 ${d.version + 1} 版：采纳、驳回的处理保留，补充的问题和调整的结论只属于第 ${d.version} 版。`
              : `浏览器内没有审核规则「${review.review.ruleSet.title}」，保存后才能看到新的审核结果。`}
          </span>
          <span className="grow" />
          <Button size="small" onClick={discard} disabled={busy}>
            放弃修改
          </Button>
          <Button size="small" type="primary" onClick={() => void save()} loading={busy}>
            保存修改
          </Button>
        </div>
      ) : null}
      <ScorePanel review={review.review} {...(decidable ? { onConclusion: () => setConcluding(true) } : {})} />
      <WorkflowPanel documentId={id} year={d.year} version={d.version} conclusion={serverReview?.review.conclusion ?? null} openErrors={serverReview?.findings.filter((f) => f.status === 'open' && f.finding.severity === 'error').length ?? 0} onChanged={editor.refresh} />
      {mayDecide && reviewFinal ? (
        <Alert type="info" showIcon className="rv-readonly" title={`绩效目标${targetStatus ? TARGET_STATUS_LABELS[targetStatus] : ''}，评审意见已定：不能再采纳、驳回、补充问题或调整结论。如需修改，请由单位提出「申请调整」，调整后的目标重新审核。`} />
      ) : null}
      {!mayDecide && session.status === 'signed-in' ? (
        <Alert type="info" showIcon className="rv-readonly" title={`您的角色（${ROLE_LABELS[session.session.user.role]}）可以查看审核结果；采纳、驳回、补充问题和调整结论由审核人办理。`} />
      ) : null}
      {review.review.override ? (
        <div className="muted" style={{ margin: '-4px 0 10px', fontSize: 12 }}>
          <Tag color="gold">结论已调整</Tag>
          {review.review.override.by} 将结论由「{review.review.computedConclusion}」调整为「{review.review.override.conclusion}」：{review.review.override.reason}
        </div>
      ) : null}
      {lastYear.byProject.has('*') ? <LastYearNote results={lastYear} noteKey="*" /> : null}
      <div className="rv-body">
        <DocumentPane
          groups={groups}
          notes={lastYearNotes}
          marks={marks}
          activeGroup={filters.group}
          highlight={highlight}
          onGroup={(key) => setFilters({ ...filters, group: key })}
          onIndicator={(groupKey, no) => {
            setFilters({ ...filters, group: groupKey });
            setHighlight(indicatorKey(groupKey, no));
            const first = sorted.find((f) => indicatorKeyOf(f, groups) === indicatorKey(groupKey, no));
            setSelected(first?.finding.key);
          }}
          edit={{
            editing,
            changed,
            goals,
            onStartIndicator: (groupKey, no) => {
              const ind = groups.find((g) => g.key === groupKey)?.indicators.find((i) => i.no === no);
              if (!ind) return;
              if (editing && working) editor.edit(() => working);
              setEditing({ kind: 'indicator', groupKey, no, value: indicatorEditOf(ind) });
            },
            onStartGoal: (groupKey) => {
              if (editing && working) editor.edit(() => working);
              setEditing({ kind: 'goal', groupKey, value: goalOf(working, groupKey) ?? '' });
            },
            onAddIndicator: (groupKey) => {
              const added = working && withIndicatorAdded(working, groupKey);
              if (!added) return;
              editor.edit(() => added.doc);
              setEditing({ kind: 'indicator', groupKey, no: added.no, value: { level2: '数量指标', name: '', period: '', annual: '' } });
              setHighlight(indicatorKey(groupKey, added.no));
            },
            onRemoveIndicator: (groupKey, no) => {
              if (!working) return;
              const without = withIndicatorRemoved(working, groupKey, no);
              editor.edit(() => without);
              setEditing(undefined);
              // The group stays selected: its neighbour is highlighted (its 「添加指标」 stays at hand).
              const rest = groupsOf(without).find((g) => g.key === groupKey)?.indicators ?? [];
              const neighbour = [...rest].reverse().find((i) => i.no < no) ?? rest[0];
              setHighlight(neighbour ? indicatorKey(groupKey, neighbour.no) : undefined);
            },
            onMoveIndicator: (groupKey, no, by) => {
              // The edit being typed is kept, then the indicator moves with it (the editor stays open on it).
              if (!working) return;
              editor.edit(() => withIndicatorMoved(working, groupKey, no, by));
            },
            onChange: setEditing,
            onCommit: commitEdit,
            onCancel: () => setEditing(undefined),
          }}
        />
        <FindingsPane
          all={sorted}
          shown={shown}
          groups={groups}
          filters={filters}
          onFilters={setFilters}
          selected={selected}
          onSelect={select}
          onAccept={accept}
          onDismiss={dismiss}
          onAdd={() => setAdding(true)}
          decidable={decidable}
          busy={busy}
          searchRef={searchRef}
          documentId={id}
        />
      </div>

      <DismissDialog
        key={dismissing?.finding.key ?? 'none'}
        finding={dismissing}
        busy={busy}
        onCancel={() => setDismissing(undefined)}
        onSubmit={(reason) => {
          const f = dismissing;
          if (!f) return;
          void act(() => decideFinding(id, { findingKey: f.finding.key, decision: 'dismiss', reason }), f.status === 'added' ? '已撤回' : '已驳回', f.finding.key).then((ok) => ok && setDismissing(undefined));
        }}
      />
      <ConclusionDialog
        key={concluding ? `open-${review.review.conclusion}` : 'closed'}
        open={concluding}
        current={review.review.conclusion}
        computed={review.review.computedConclusion}
        busy={busy}
        onCancel={() => setConcluding(false)}
        onSubmit={(conclusion, reason) => void act(() => setConclusion(id, { conclusion, reason }), `结论已设为「${conclusion}」`).then((ok) => ok && setConcluding(false))}
      />
      <AddFindingDialog
        open={adding}
        groups={groups}
        initialGroup={hlGroup ?? selectedGroup?.key}
        initialIndicator={hlNo ?? selectedFinding?.finding.location.indicator}
        busy={busy}
        onCancel={() => setAdding(false)}
        onSubmit={(body) => void act(() => addFinding(id, { ...body }), '已补充问题').then((ok) => ok && setAdding(false))}
      />
    </>
  );
}
