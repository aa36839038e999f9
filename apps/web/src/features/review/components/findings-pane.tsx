/** The findings: filters (severity, dimension, project, status, words), the dense list, accept / dismiss per row. */
import { CHECK_LABELS, DIMENSION_LABELS, SEVERITY_LABELS, type Dimension, type Severity } from '@jixiao/core';
import { Button, Input, Segmented, Select, Tag } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import { RaiseRectificationButton } from '../../rectification';
import type { ReviewedFinding } from '../api';
import { whereText, type Filters, type Group, type StatusFilter } from '../model';

const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const STATUS_TAG: Record<ReviewedFinding['status'], { color: string; label: string } | undefined> = {
  open: undefined,
  accepted: { color: 'green', label: '已采纳' },
  dismissed: { color: 'default', label: '已驳回' },
  added: { color: 'purple', label: '评审补充' },
};

function when(at: string | null): string {
  return at ? new Date(at).toLocaleString('zh-CN', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';
}

export function FindingsPane({
  all,
  shown,
  groups,
  filters,
  onFilters,
  selected,
  onSelect,
  onAccept,
  onDismiss,
  onAdd,
  decidable,
  busy,
  searchRef,
  documentId,
}: {
  all: readonly ReviewedFinding[];
  shown: readonly ReviewedFinding[];
  groups: readonly Group[];
  filters: Filters;
  onFilters: (f: Filters) => void;
  selected: string | undefined;
  onSelect: (key: string) => void;
  onAccept: (f: ReviewedFinding) => void;
  onDismiss: (f: ReviewedFinding) => void;
  onAdd: () => void;
  /** The person may decide findings and the review is still open: otherwise no 采纳 / 驳回 / 补充 is offered. */
  decidable: boolean;
  busy: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The reviewed document: a finding that stands may become a 整改 item (the button shows only to who may create one). */
  documentId?: number;
}) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const count = (s: Severity) => all.filter((f) => f.finding.severity === s && f.status !== 'dismissed').length;
  const dims = [...new Set(all.map((f) => f.finding.dimension))] as Dimension[];
  const groupsWithFindings = groups.filter((g) => all.some((f) => f.finding.location.project === g.project || (g.keyTask && f.finding.location.keyTask === g.keyTask)));
  const set = (patch: Partial<Filters>) => onFilters({ ...filters, ...patch });

  return (
    <div className="rv-pane" aria-label="审核发现的问题">
      <div className="rv-pane-head">
        <span>审核发现的问题</span>
        <span className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
          显示 {shown.length} / {all.length}
        </span>
        <span className="grow" />
        {decidable ? (
          <Button size="small" onClick={onAdd}>
            补充问题 <kbd style={{ fontSize: 10, marginLeft: 4 }}>N</kbd>
          </Button>
        ) : null}
      </div>
      <div className="rv-filters">
        <Segmented<Severity | 'all'>
          size="small"
          value={filters.severity}
          onChange={(v) => set({ severity: v })}
          options={[
            { value: 'all', label: '全部' },
            ...(['error', 'warning', 'info'] as const).map((s) => ({ value: s, label: `${SEVERITY_LABELS[s]} ${count(s)}` })),
          ]}
          aria-label="严重程度"
        />
        <Select<Dimension | 'all'>
          size="small"
          value={filters.dimension}
          onChange={(v) => set({ dimension: v })}
          style={{ width: 110 }}
          aria-label="审核维度"
          options={[{ value: 'all', label: '全部维度' }, ...dims.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))]}
        />
        <Select<string>
          size="small"
          value={filters.group}
          onChange={(v) => set({ group: v })}
          style={{ width: 200 }}
          aria-label="项目"
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: 'all', label: '全部项目' }, { value: 'doc', label: '整个文档' }, ...groupsWithFindings.map((g) => ({ value: g.key, label: g.label }))]}
        />
        <Segmented<StatusFilter>
          size="small"
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '待处理' },
            { value: 'decided', label: '已处理' },
            { value: 'added', label: '补充' },
          ]}
          aria-label="处理状态"
        />
        <Input
          ref={(el) => {
            searchRef.current = el?.input ?? null;
          }}
          size="small"
          allowClear
          placeholder="搜索问题 /"
          aria-label="搜索问题"
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          style={{ width: 140 }}
        />
      </div>
      <div className="rv-list" ref={list} role="listbox" aria-label="问题列表">
        {shown.length === 0 ? <div className="muted" style={{ padding: 24, textAlign: 'center' }}>没有符合筛选条件的问题</div> : null}
        {shown.map((f) => {
          const key = f.finding.key;
          const status = STATUS_TAG[f.status];
          return (
            <div
              key={key}
              data-key={key}
              role="option"
              aria-selected={selected === key}
              className={`rv-finding${selected === key ? ' sel' : ''}${f.status === 'dismissed' ? ' dismissed' : ''}`}
              onClick={() => onSelect(key)}
            >
              <div className="rv-finding-top">
                <Tag color={SEVERITY_COLOR[f.finding.severity]} style={{ marginInlineEnd: 0 }}>
                  {SEVERITY_LABELS[f.finding.severity]}
                </Tag>
                <b>{CHECK_LABELS[f.finding.check]}</b>
                <span className="muted">{DIMENSION_LABELS[f.finding.dimension]}</span>
                <span className="rv-where">· {whereText(f)}</span>
                <span className="grow" />
                {status ? <Tag color={status.color}>{status.label}</Tag> : null}
                {documentId !== undefined && f.status !== 'dismissed' ? (
                  <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} role="presentation">
                    <RaiseRectificationButton source={{ kind: 'finding', documentId, findingKey: f.finding.key }} label="整改" compact />
                  </span>
                ) : null}
                {decidable && f.status !== 'accepted' && f.status !== 'added' ? (
                  <Button
                    size="small"
                    type="text"
                    disabled={busy}
                    onClick={(e) => {
                      e.stopPropagation();
                      onAccept(f);
                    }}
                  >
                    {f.status === 'dismissed' ? '恢复' : '采纳'}
                  </Button>
                ) : null}
                {decidable && f.status !== 'dismissed' ? (
                  <Button
                    size="small"
                    type="text"
                    danger
                    disabled={busy}
                    onClick={(e) => {
                      e.stopPropagation();
                      onDismiss(f);
                    }}
                  >
                    {f.status === 'added' ? '撤回' : '驳回'}
                  </Button>
                ) : null}
              </div>
              <div className="rv-msg">{f.finding.message}</div>
              {f.finding.suggestion ? <div className="rv-sug">建议：{f.finding.suggestion}</div> : null}
              {f.finding.evidence && selected === key ? <div className="rv-ev">原文：{f.finding.evidence}</div> : null}
              {f.by ? (
                <div className="rv-decision">
                  {f.by} {when(f.at)}
                  {f.reason ? `：${f.reason}` : ''}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="rv-keys">
        <kbd>J</kbd>/<kbd>K</kbd> 上下 · <kbd>A</kbd> 采纳 · <kbd>D</kbd> 驳回 · <kbd>N</kbd> 补充 · <kbd>C</kbd> 结论 · <kbd>/</kbd> 搜索 · <kbd>Esc</kbd> 清除筛选
      </div>
    </div>
  );
}
