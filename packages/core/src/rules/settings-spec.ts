/**
 * A rule set's settings described once, as data (issue 11 item 3, decision 019). Each scheme's settings are one
 * table of these nodes (settings-tables.ts); from it come the validator with its Chinese messages (`checkSettings`,
 * below), the settings' TypeScript type (checked against the core interfaces at compile time) and the contract's
 * zod schema of the wire (packages/contract `settingsSchema`). The core stays free of libraries, so the nodes are
 * plain objects rather than zod schemas.
 */

/** A node of a settings table; `T` is the type of a valid value (a phantom: it only guides the compiler). */
export type SettingSpec<T = unknown> = SpecNode & { readonly __type?: T };

export type SpecNode =
  | { kind: 'number'; min: number; max: number; label: string; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'one-of'; values: readonly string[] }
  | { kind: 'words'; nonEmpty: boolean }
  | { kind: 'text'; message: string; distinct?: (value: string) => string }
  | { kind: 'object'; fields: Record<string, SettingSpec>; exact: boolean; checks: readonly ObjectCheck[] }
  | { kind: 'mode'; cases: Record<string, Record<string, SettingSpec>> }
  | { kind: 'list'; of: SettingSpec; message: string; nonEmpty: boolean; each?: ItemCheck; after?: ListCheck }
  | { kind: 'map'; of: SettingSpec }
  | { kind: 'unchecked-list'; message: string }
  | { kind: 'optional'; of: SettingSpec }
  | { kind: 'nullable'; of: SettingSpec }
  | { kind: 'depends'; build: (siblings: Checked) => SettingSpec };

/** A setting's value as far as it was valid: a field that failed its check is null. */
export type Checked = Record<string, unknown>;
/** Reports a problem at the node (`at` omitted) or below it (`at` = `max`, `achieved.max`, `[0]`). */
export type Report = (message: string, at?: string) => void;
export type ObjectCheck = (value: Checked, report: Report) => void;
export type ItemCheck = (item: Checked | null, index: number, state: Record<string, unknown>, report: Report) => void;
export type ListCheck = (state: Record<string, unknown>, report: Report) => void;

export type SettingType<S> = S extends SettingSpec<infer T> ? T : never;

type IsOptional<S> = S extends { kind: 'optional' } ? true : false;
export type FieldsType<F extends Record<string, SettingSpec>> = {
  [K in keyof F as IsOptional<F[K]> extends true ? never : K]: SettingType<F[K]>;
} & { [K in keyof F as IsOptional<F[K]> extends true ? K : never]?: Exclude<SettingType<F[K]>, undefined> };
type Flatten<T> = { [K in keyof T]: T[K] };

/** Compile-time proof that a table and a core interface describe the same settings. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// ---- building tables ----

export const num = (min: number, max: number, label = '数值'): SettingSpec<number> => ({ kind: 'number', min, max, label, integer: false });
export const int = (min: number, max: number, label = '数值'): SettingSpec<number> => ({ kind: 'number', min, max, label, integer: true });
export const bool = (): SettingSpec<boolean> => ({ kind: 'boolean' });
export const oneOf = <const V extends string>(values: readonly V[]): SettingSpec<V> => ({ kind: 'one-of', values });
/** A list of non-blank words; `nonEmpty` when at least one is needed. */
export const words = ({ nonEmpty = true } = {}): SettingSpec<string[]> => ({ kind: 'words', nonEmpty });
/** Non-blank text; `distinct` names a repeat within the enclosing list. */
export const text = (message: string, distinct?: (value: string) => string): SettingSpec<string> => (distinct ? { kind: 'text', message, distinct } : { kind: 'text', message });
export const object = <F extends Record<string, SettingSpec>>(fields: F, options: { exact?: boolean; checks?: ObjectCheck[] } = {}): SettingSpec<Flatten<FieldsType<F>>> => ({
  kind: 'object',
  fields,
  exact: options.exact ?? false,
  checks: options.checks ?? [],
});
/** An object chosen by its `mode`: each mode's other fields. */
export const mode = <C extends Record<string, Record<string, SettingSpec>>>(cases: C): SettingSpec<{ [M in keyof C]: Flatten<{ mode: M } & FieldsType<C[M]>> }[keyof C]> => ({ kind: 'mode', cases });
/** A list; `message` when it is not one (or is empty, with `nonEmpty`). */
export const list = <T>(of: SettingSpec<T>, message: string, options: { nonEmpty?: boolean; each?: ItemCheck; after?: ListCheck } = {}): SettingSpec<T[]> => ({
  kind: 'list',
  of,
  message,
  nonEmpty: options.nonEmpty ?? false,
  ...(options.each ? { each: options.each } : {}),
  ...(options.after ? { after: options.after } : {}),
});
/** An object of any keys, each value checked by `of` (keys typed by `K`). */
export const map = <K extends string, T>(of: SettingSpec<T>): SettingSpec<Record<K, T>> => ({ kind: 'map', of });
/** A list whose items are not checked (only that it is a list). */
export const uncheckedList = <T>(message: string): SettingSpec<T[]> => ({ kind: 'unchecked-list', message });
/** May be absent (older stored versions lack it). */
export const optional = <T>(of: SettingSpec<T>): SettingSpec<T | undefined> & { kind: 'optional' } => ({ kind: 'optional', of });
/** May be null (an optional local rule switched off). */
export const nullable = <T>(of: SettingSpec<T>): SettingSpec<T | null> => ({ kind: 'nullable', of });
/** A node whose limits depend on settings checked before it in the same object. */
export const depends = <T>(build: (siblings: Checked) => SettingSpec<T>): SettingSpec<T> => ({ kind: 'depends', build });

// ---- checking values against a table ----

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Numbers in messages: at most six decimals. */
export const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

const below = (path: string, at: string) => (at.startsWith('[') ? `${path}${at}` : path ? `${path}.${at}` : at);

/** Checks `value` at `path`; returns the value as far as it is valid (null when it is not). */
function check(spec: SettingSpec, path: string, v: unknown, problems: string[], seen?: Set<string>): unknown {
  const add = (at: string, message: string) => problems.push(`设置 ${at}：${message}`);
  const obj = (): Record<string, unknown> | null => {
    if (isObj(v)) return v;
    add(path, v === undefined ? '缺少此设置' : '应为一组设置（对象）');
    return null;
  };
  switch (spec.kind) {
    case 'number': {
      if (!isNum(v)) {
        add(path, v === undefined ? '缺少此设置' : `${spec.label}应为数字，现为 ${JSON.stringify(v)}`);
        return null;
      }
      if (v < spec.min || v > spec.max) {
        add(path, `${spec.label}应在 ${fmt(spec.min)}–${fmt(spec.max)} 之间，现为 ${fmt(v)}`);
        return null;
      }
      if (spec.integer && !Number.isInteger(v)) {
        add(path, `${spec.label}应为整数，现为 ${fmt(v)}`);
        return null;
      }
      return v;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      add(path, '应为 true 或 false');
      return null;
    case 'one-of':
      if (typeof v === 'string' && spec.values.includes(v)) return v;
      add(path, `应为 ${spec.values.join(' / ')} 之一，现为 ${JSON.stringify(v)}`);
      return null;
    case 'words':
      if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || w.trim() === '')) {
        add(path, '应为一组非空文字');
        return null;
      }
      if (spec.nonEmpty && v.length === 0) {
        add(path, '至少需要一项');
        return null;
      }
      return v;
    case 'text':
      if (typeof v !== 'string' || !v.trim()) {
        add(path, spec.message);
        return null;
      }
      if (spec.distinct && seen) {
        if (seen.has(v)) {
          add(path, spec.distinct(v));
          return null;
        }
        seen.add(v);
      }
      return v;
    case 'object': {
      const o = obj();
      return o && checkFields(spec.fields, path, o, problems, spec.exact, spec.checks, seen);
    }
    case 'mode': {
      const o = obj();
      if (!o) return null;
      const fields = Object.hasOwn(spec.cases, String(o.mode)) ? spec.cases[String(o.mode)] : undefined;
      check(oneOf(Object.keys(spec.cases)), below(path, 'mode'), o.mode, problems);
      return fields ? checkFields(fields, path, o, problems, false, []) : null;
    }
    case 'list': {
      if (!Array.isArray(v) || (spec.nonEmpty && v.length === 0)) {
        add(path, spec.message);
        return null;
      }
      const state: Record<string, unknown> = {};
      const itemsSeen = new Set<string>();
      const report: Report = (message, at) => add(at ? below(path, at) : path, message);
      const items = v.map((item: unknown, i) => {
        const checked = check(spec.of, `${path}[${i}]`, item, problems, itemsSeen);
        spec.each?.(isObj(checked) ? checked : null, i, state, report);
        return checked;
      });
      spec.after?.(state, report);
      return items;
    }
    case 'map': {
      const o = obj();
      if (!o) return null;
      return Object.fromEntries(Object.entries(o).map(([k, item]) => [k, check(spec.of, below(path, k), item, problems)]));
    }
    case 'unchecked-list':
      if (Array.isArray(v)) return v;
      add(path, spec.message);
      return null;
    case 'optional':
      return v === undefined ? undefined : check(spec.of, path, v, problems, seen);
    case 'nullable':
      return v === null ? null : check(spec.of, path, v, problems, seen);
    case 'depends':
      throw new Error(`settings-spec: a dependent setting (${path}) must sit directly in an object`);
  }
}

/** `seen`: the distinct texts of the list this object is an item of. */
function checkFields(
  fields: Record<string, SettingSpec>,
  path: string,
  o: Record<string, unknown>,
  problems: string[],
  exact: boolean,
  checks: readonly ObjectCheck[],
  seen?: Set<string>,
): Checked {
  const out: Checked = {};
  for (const [key, spec] of Object.entries(fields)) {
    const node = spec.kind === 'depends' ? spec.build(out) : spec;
    out[key] = check(node, below(path, key), o[key], problems, seen);
  }
  const keys = Object.keys(fields);
  if (exact) for (const key of Object.keys(o)) if (!keys.includes(key)) problems.push(`设置 ${below(path, key)}：没有这一项（可用：${keys.join('、')}）`);
  const report: Report = (message, at) => problems.push(`设置 ${at ? below(path, at) : path}：${message}`);
  for (const c of checks) c(out, report);
  return out;
}

/** Problems of `settings` against a table whose root is an object (empty = valid), each naming the setting. */
export function checkSettings(spec: SettingSpec, settings: Record<string, unknown>): string[] {
  if (spec.kind !== 'object') throw new Error('settings-spec: a scheme is an object of settings');
  const problems: string[] = [];
  checkFields(spec.fields, '', settings, problems, spec.exact, spec.checks);
  return problems;
}
