/**
 * One editable resource (decision 018): the server's state loaded through the query cache, a local copy the person
 * edits, whether there are unsaved changes, a save refused as stale (someone else saved first: the server answers
 * 409 with who and when; the copy stays on the page until 重新载入), and sending changes. Every answer of the
 * server replaces the cached state, so the page, and any other page showing the same key, shows what was stored.
 * The review, monitoring and self-evaluation editors all use it; what their copy is and what a save sends is each
 * feature's `model.ts`.
 */
import { hashKey, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useReducer } from 'react';
import { ApiError } from './http';
import { editableReducer, initialEditable, type EditableState } from './editable-state';
import { useApiQuery } from './query';

/** A save refused because the revision it was based on is no longer the latest. */
export const isStaleSave = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409;

export interface EditableResourceOptions<S, D> {
  queryKey: QueryKey;
  load: (signal: AbortSignal) => Promise<S>;
  /** The editable part of the server's state (what the copy starts from). */
  draftOf: (server: S) => D;
  /** Which refusals are a stale save (shown as a conflict with 重新载入); others are thrown to the page. */
  isConflict?: (e: unknown) => boolean;
}

export interface SendOptions {
  settled?: boolean;
  conflicts?: boolean;
}

export interface EditableResource<S, D, B extends string> {
  server: S | undefined;
  /** The copy on screen: the edited one, or the server's while nothing was edited. */
  draft: D | undefined;
  /** Something was edited and not saved. */
  dirty: boolean;
  conflict: string | undefined;
  busy: B | null;
  error: Error | undefined;
  edit: (change: (draft: D) => D) => void;
  discard: () => void;
  /**
   * Sends a change: `answer` turns the server's reply into its new state (cached in place of the old one), or
   * undefined when the reply holds none. `settled` (default) drops the local copy: the reply holds the edits.
   * Answers undefined after a stale-save refusal (then `conflict` is set); any other refusal is thrown, and so is
   * every refusal when `conflicts` is false (a change that is not a save of the copy, e.g. a reviewer's decision).
   */
  send: <T>(what: B, run: (server: S, draft: D) => Promise<T>, answer: (reply: T, server: S) => S | undefined, options?: SendOptions) => Promise<T | undefined>;
  /** 重新载入: drop the copy and the conflict, load the latest state. */
  reload: () => void;
  /** Load the latest state again, keeping the copy (after a change made elsewhere on the page). */
  refresh: () => void;
}

export function useEditableResource<S, D, B extends string = string>({ queryKey, load, draftOf, isConflict = isStaleSave }: EditableResourceOptions<S, D>): EditableResource<S, D, B> {
  const client = useQueryClient();
  const resource = hashKey(queryKey);
  const query = useApiQuery(queryKey, load, { keepPrevious: false });
  const [stored, dispatch] = useReducer(editableReducer<D, B>, resource, (r: string) => initialEditable<D, B>(r));
  // Another id on the same page component: the previous copy is dropped during render, before it could show.
  if (stored.resource !== resource) dispatch({ type: 'open', resource });
  const state: EditableState<D, B> = stored.resource === resource ? stored : initialEditable<D, B>(resource);

  const server = query.data;
  const draft = state.draft ?? (server === undefined ? undefined : draftOf(server));
  const { reload: refresh } = query;

  const edit = useCallback(
    (change: (d: D) => D) => {
      if (server !== undefined) dispatch({ type: 'edit', change, base: draftOf(server) });
    },
    [server, draftOf],
  );
  const discard = useCallback(() => dispatch({ type: 'discard' }), []);
  const reload = useCallback(() => {
    dispatch({ type: 'reload' });
    refresh();
  }, [refresh]);

  async function send<T>(what: B, run: (s: S, d: D) => Promise<T>, answer: (reply: T, s: S) => S | undefined, options: SendOptions = {}): Promise<T | undefined> {
    if (server === undefined || draft === undefined) return undefined;
    dispatch({ type: 'send', what });
    try {
      const reply = await run(server, draft);
      const next = answer(reply, server);
      if (next !== undefined) {
        // A load still under way would otherwise put the older state back over the answer.
        await client.cancelQueries({ queryKey, exact: true });
        client.setQueryData(queryKey, next);
      }
      dispatch({ type: 'answered', settled: options.settled ?? true });
      return reply;
    } catch (e) {
      if (options.conflicts !== false && isConflict(e)) {
        dispatch({ type: 'conflict', message: e instanceof Error ? e.message : String(e) });
        return undefined;
      }
      dispatch({ type: 'failed' });
      throw e;
    }
  }

  return { server, draft, dirty: state.draft !== undefined, conflict: state.conflict, busy: state.busy, error: query.error, edit, discard, send, reload, refresh };
}
