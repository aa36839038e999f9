/**
 * The document beside the findings: its projects and their indicators, with the findings' marks; click to filter.
 * Click (or Enter on) the highlighted indicator to edit its 二级 (the 一级 follows), name and target values in place,
 * or remove it; 「添加指标」 under a selected group adds one; click a project's 绩效目标 to edit it. Enter keeps the
 * edit (unsaved), Esc cancels it; nothing is stored until 保存.
 */
import { formatTarget } from '@jixiao/core';
import { Button, Input, Select } from 'antd';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { indicatorKey, LEVEL_CHOICES, type Editing, type Group, type IndicatorEdit, type Marks } from '../model';

export interface EditProps {
  editing: Editing | undefined;
  /** Indicator keys and goal group keys that differ from the stored version. */
  changed: ReadonlySet<string>;
  goals: ReadonlyMap<string, string | null>;
  onStartIndicator: (groupKey: string, no: number) => void;
  onStartGoal: (groupKey: string) => void;
  onAddIndicator: (groupKey: string) => void;
  onRemoveIndicator: (groupKey: string, no: number) => void;
  onMoveIndicator: (groupKey: string, no: number, by: -1 | 1) => void;
  onChange: (editing: Editing) => void;
  onCommit: () => void;
  onCancel: () => void;
}

function editKeys(e: KeyboardEvent, onCommit: () => void, onCancel: () => void, multiline = false) {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  } else if (e.key === 'Enter' && !(multiline && e.shiftKey) && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.stopPropagation();
    onCommit();
  }
}

function IndicatorEditor({
  editing,
  onChange,
  onCommit,
  onCancel,
  onRemove,
  onMove,
}: { editing: Extract<Editing, { kind: 'indicator' }>; onRemove: () => void; onMove: (by: -1 | 1) => void } & Pick<EditProps, 'onChange' | 'onCommit' | 'onCancel'>) {
  const set = (patch: Partial<IndicatorEdit>) => onChange({ ...editing, value: { ...editing.value, ...patch } });
  const keys = (e: KeyboardEvent) => editKeys(e, onCommit, onCancel);
  const known = LEVEL_CHOICES.some((g) => g.options.some((o) => o.value === editing.value.level2));
  return (
    <div className="rv-edit" role="group" aria-label="修改指标" onClick={(e) => e.stopPropagation()}>
      <label>
        <span>二级指标</span>
        <Select
          size="small"
          aria-label="二级指标"
          value={editing.value.level2 || undefined}
          placeholder="选择二级指标（一级随之确定）"
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(level2: string) => set({ level2 })}
          options={[
            ...(editing.value.level2 && !known ? [{ label: '文档原写法', options: [{ value: editing.value.level2, label: `${editing.value.level2}（未识别，请改选）` }] }] : []),
            ...LEVEL_CHOICES.map((g) => ({ label: g.level1, options: [...g.options] })),
          ]}
          style={{ width: '100%' }}
        />
      </label>
      <label>
        <span>三级指标</span>
        <Input size="small" aria-label="三级指标名称" value={editing.value.name} onChange={(e) => set({ name: e.target.value })} onKeyDown={keys} autoFocus />
      </label>
      <label>
        <span>实施周期指标值</span>
        <Input size="small" aria-label="实施周期指标值" value={editing.value.period} onChange={(e) => set({ period: e.target.value })} onKeyDown={keys} placeholder="如 ≥90%" />
      </label>
      <label>
        <span>年度指标值</span>
        <Input size="small" aria-label="年度指标值" value={editing.value.annual} onChange={(e) => set({ annual: e.target.value })} onKeyDown={keys} placeholder="如 ≥90%" />
      </label>
      <div className="rv-edit-actions">
        <span className="muted">Enter 确定 · Esc 取消；问题清单随输入更新</span>
        <Button size="small" onClick={() => onMove(-1)} aria-label="上移指标">
          上移
        </Button>
        <Button size="small" onClick={() => onMove(1)} aria-label="下移指标">
          下移
        </Button>
        <Button size="small" danger onClick={onRemove}>
          删除指标
        </Button>
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
        <Button size="small" type="primary" onClick={onCommit}>
          确定
        </Button>
      </div>
    </div>
  );
}

function Dot({ mark }: { mark: { count: number; error: boolean } | undefined }) {
  if (!mark?.count) return null;
  return <span className={`rv-dot${mark.error ? ' error' : ''}`}>{mark.count}</span>;
}

export function DocumentPane({
  groups,
  marks,
  activeGroup,
  highlight,
  onGroup,
  onIndicator,
  edit,
  notes,
}: {
  groups: readonly Group[];
  marks: Marks;
  activeGroup: string;
  highlight: string | undefined;
  onGroup: (key: string) => void;
  onIndicator: (groupKey: string, no: number) => void;
  edit: EditProps;
  /** Shown under a group's name, by group key: last year's result of the project (results use, R11). */
  notes?: ReadonlyMap<string, ReactNode>;
}) {
  const { editing, changed, goals } = edit;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!highlight) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-ind="${CSS.escape(highlight)}"]`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlight]);

  return (
    <div className="rv-pane rv-tree" ref={box} aria-label="项目与指标">
      <div className="rv-pane-head">
        <span>项目与指标</span>
        <span className="grow" />
        <span className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
          {groups.length} 组 · {groups.reduce((a, g) => a + g.indicators.length, 0)} 个指标
        </span>
      </div>
      {groups.map((g) => (
        <div key={g.key} className="rv-project">
          <div
            className={`rv-project-name${activeGroup === g.key ? ' active' : ''}`}
            onClick={() => onGroup(activeGroup === g.key ? 'all' : g.key)}
            title={g.unit ? `${g.unit} · 点击只看本项目的问题` : '点击只看这一组的问题'}
          >
            <span className="name">{g.label}</span>
            <Dot mark={marks.groups.get(g.key)} />
          </div>
          {notes?.get(g.key)}
          {g.project !== undefined && (activeGroup === g.key || (editing?.kind === 'goal' && editing.groupKey === g.key) || changed.has(g.key)) ? (
            editing?.kind === 'goal' && editing.groupKey === g.key ? (
              <div className="rv-edit" role="group" aria-label="修改绩效目标">
                <Input.TextArea
                  aria-label="绩效目标"
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  autoFocus
                  value={editing.value}
                  onChange={(e) => edit.onChange({ ...editing, value: e.target.value })}
                  onKeyDown={(e) => editKeys(e, edit.onCommit, edit.onCancel, true)}
                />
                <div className="rv-edit-actions">
                  <span className="muted">Enter 确定 · Shift+Enter 换行 · Esc 取消</span>
                  <Button size="small" onClick={edit.onCancel}>
                    取消
                  </Button>
                  <Button size="small" type="primary" onClick={edit.onCommit}>
                    确定
                  </Button>
                </div>
              </div>
            ) : (
              <div
                className={`rv-goal${changed.has(g.key) ? ' edited' : ''}`}
                tabIndex={0}
                role="button"
                title="点击修改绩效目标"
                onClick={() => edit.onStartGoal(g.key)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    edit.onStartGoal(g.key);
                  }
                }}
              >
                <span className="rv-ind-level">绩效目标</span>
                {goals.get(g.key) || <span className="missing">（未填写）</span>}
                {changed.has(g.key) ? <span className="rv-edited-tag">已修改</span> : null}
              </div>
            )
          ) : null}
          {g.indicators.map((i) => {
            const key = indicatorKey(g.key, i.no);
            const mark = marks.indicators.get(key);
            const target = formatTarget(i.annualTarget ?? null) || formatTarget(i.periodTarget ?? null);
            const isEditing = editing?.kind === 'indicator' && editing.groupKey === g.key && editing.no === i.no;
            if (isEditing) {
              return (
                <div key={key} data-ind={key} className="rv-ind hl editing">
                  <span className="rv-ind-no">{i.no}</span>
                  <span className="rv-ind-name">
                    <span className="rv-ind-level">{i.level2 ?? i.level1 ?? ''}</span>
                    <Dot mark={mark} />
                  </span>
                  <span />
                  <IndicatorEditor editing={editing} onChange={edit.onChange} onCommit={edit.onCommit} onCancel={edit.onCancel} onRemove={() => edit.onRemoveIndicator(g.key, i.no)} onMove={(by) => edit.onMoveIndicator(g.key, i.no, by)} />
                </div>
              );
            }
            const start = () => (highlight === key ? edit.onStartIndicator(g.key, i.no) : onIndicator(g.key, i.no));
            return (
              <div
                key={key}
                data-ind={key}
                tabIndex={0}
                role="button"
                aria-label={`第${i.no}个指标 ${i.name}`}
                title={highlight === key ? '再次点击或按 Enter 修改指标' : '点击只看这个指标的问题'}
                className={`rv-ind${highlight === key ? ' hl' : ''}${mark?.count ? ' flagged' : ''}${changed.has(key) ? ' edited' : ''}`}
                onClick={start}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.stopPropagation();
                    start();
                  }
                }}
              >
                <span className="rv-ind-no">{i.no}</span>
                <span className="rv-ind-name">
                  <span className="rv-ind-level">{i.level2 ?? i.level1 ?? ''}</span>
                  {i.name} <Dot mark={mark} />
                  {changed.has(key) ? <span className="rv-edited-tag">已修改</span> : null}
                </span>
                <span className={`rv-ind-target${i.annualTarget ? '' : ' missing'}`} title={`年度：${i.annualTarget?.text ?? '（缺失）'}；实施周期：${i.periodTarget?.text ?? '—'}`}>
                  {i.annualTarget ? target : '年度缺失'}
                </span>
              </div>
            );
          })}
          {activeGroup === g.key || highlight?.startsWith(`${g.key}#`) ? (
            <Button size="small" type="dashed" className="rv-add-indicator" onClick={() => edit.onAddIndicator(g.key)}>
              添加指标
            </Button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
