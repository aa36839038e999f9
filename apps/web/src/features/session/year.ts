/**
 * The year everyone works in (issue 13 item 1): one budget year chosen in the header, remembered for each person in
 * this browser, and applied by the lists (部门, 项目, 审核, 监控, 自评); undefined = every year.
 */
import { useSyncExternalStore } from 'react';
import { useSession } from './session';

const CHANGED = 'jixiao:year-changed';
const keyOf = (userId: number) => `jixiao.year.${userId}`;

function read(userId: number | null): number | undefined {
  if (userId === null) return undefined;
  try {
    const year = Number(window.localStorage.getItem(keyOf(userId)));
    return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
  } catch {
    return undefined;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The signed-in person's year and the way to change it (for this person only; other people keep theirs). */
export function useYear(): [number | undefined, (year: number | undefined) => void] {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.session.user.id : null;
  const year = useSyncExternalStore(subscribe, () => read(userId));
  const setYear = (next: number | undefined) => {
    if (userId === null) return;
    try {
      if (next === undefined) window.localStorage.removeItem(keyOf(userId));
      else window.localStorage.setItem(keyOf(userId), String(next));
    } catch {
      // Storage refused (private mode): the choice lasts until the page is reloaded.
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return [year, setYear];
}
