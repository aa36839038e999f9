/**
 * The state machine of an editor's local copy (decision 018), kept apart from React so it can be tested alone:
 * the copy being edited, what is being sent, and a save the server refused as stale (409 with who and when).
 * The server's own state is not here: it lives in the query cache and is replaced there by every answer.
 */

export interface EditableState<D, B extends string = string> {
  /** The resource the copy belongs to (its hashed query key): a copy never follows the page to another id. */
  resource: string;
  /** The edited copy; undefined while the page shows the server's state unchanged. */
  draft: D | undefined;
  /** The server's message when a save was refused because someone else saved first. */
  conflict: string | undefined;
  /** What is being sent (each button shows its own progress); null when nothing is. */
  busy: B | null;
}

export type EditableEvent<D, B extends string = string> =
  /** Another resource is shown: nothing of the previous one is kept. */
  | { type: 'open'; resource: string }
  /** An edit applied to the current copy (`base`: the server's copy, used when nothing was edited yet). */
  | { type: 'edit'; change: (draft: D) => D; base: D }
  | { type: 'discard' }
  | { type: 'send'; what: B }
  /** The server answered: `settled` when its answer holds the edits (a save), so the copy is dropped. */
  | { type: 'answered'; settled: boolean }
  | { type: 'conflict'; message: string }
  | { type: 'failed' }
  /** 重新载入: the person gives up their copy for the server's latest state. */
  | { type: 'reload' };

export function initialEditable<D, B extends string = string>(resource: string): EditableState<D, B> {
  return { resource, draft: undefined, conflict: undefined, busy: null };
}

export function editableReducer<D, B extends string = string>(state: EditableState<D, B>, event: EditableEvent<D, B>): EditableState<D, B> {
  switch (event.type) {
    case 'open':
      return event.resource === state.resource ? state : initialEditable(event.resource);
    case 'edit':
      return { ...state, draft: event.change(state.draft ?? event.base) };
    case 'discard':
      return { ...state, draft: undefined };
    case 'send':
      return { ...state, busy: event.what };
    case 'answered':
      // A stale-save warning stays until the person reloads, unless a save went through after all.
      return { ...state, busy: null, draft: event.settled ? undefined : state.draft, conflict: event.settled ? undefined : state.conflict };
    case 'conflict':
      // The edits stay on the page so the person can copy them before reloading.
      return { ...state, busy: null, conflict: event.message };
    case 'failed':
      return { ...state, busy: null };
    case 'reload':
      return { ...state, draft: undefined, conflict: undefined };
  }
}
