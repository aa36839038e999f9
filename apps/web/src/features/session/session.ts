/**
 * Who is signed in, for the whole page (decision 010): loaded once from GET /api/session, kept in one place so the
 * header, the nav and the pages agree; the CSRF token is handed to the http client. The server decides every
 * request anyway — this only lets the page hide what would be refused.
 */
import { can, type Action, type Actor } from '@jixiao/core';
import type { SessionDto } from '@jixiao/contract';
import { useSyncExternalStore } from 'react';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../lib/http';
import { queryClient } from '../../lib/query';
import { navigate } from '../../lib/router';
import { deleteSession, fetchSession, postSignIn } from './api';

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: SessionDto };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

const userOf = (s: SessionState) => (s.status === 'signed-in' ? s.session.user.id : null);

/**
 * This browser had a session when last seen (not who, nor the session itself: the cookie is HttpOnly). The public
 * pages ask who is signed in only then, so an anonymous visitor causes no 401 while a signed-in one sees their name.
 */
const SIGNED_IN_HINT = 'jixiao.signed-in';

export function probablySignedIn(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_HINT, '1');
    else window.localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage refused (private mode): the public pages then show 登录 until a signed-in page is opened.
  }
}

function set(next: SessionState): void {
  // What one person was shown must not be shown to the next one signing in on this page.
  if (state.status !== 'loading' && userOf(state) !== userOf(next)) queryClient.clear();
  if (next.status !== 'loading') rememberSignedIn(next.status === 'signed-in');
  state = next;
  setCsrfToken(next.status === 'signed-in' ? next.session.csrfToken : null);
  for (const listener of listeners) listener();
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export async function loadSession(): Promise<void> {
  try {
    set({ status: 'signed-in', session: await fetchSession() });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) set({ status: 'signed-out' });
    else throw e;
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  set({ status: 'signed-in', session: await postSignIn(username, password) });
}

export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } finally {
    set({ status: 'signed-out' });
    navigate('/sign-in', { replace: true });
  }
}

/** Where to go to sign in and come back to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return returnTo && returnTo !== '/' && !returnTo.startsWith('/sign-in') ? `/sign-in?next=${encodeURIComponent(returnTo)}` : '/sign-in';
}

/** Any 401 (session expired, signed out elsewhere): forget the session and go to sign-in, then come back here. */
setUnauthenticatedHandler(() => {
  if (state.status !== 'signed-out') set({ status: 'signed-out' });
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/sign-in') && !window.location.pathname.startsWith('/public')) navigate(signInPath(here), { replace: true });
});

export function actorOf(session: SessionDto): Actor {
  const { user } = session;
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId, assignedDepartmentIds: user.assignedDepartmentIds };
}

/** Whether the signed-in person's role allows `action` somewhere (for hiding nav and buttons). */
export function useCan(action: Action): boolean {
  const current = useSession();
  return current.status === 'signed-in' && can(actorOf(current.session), action);
}
