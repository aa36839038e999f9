import { useState } from 'react';

/** Local state that follows `source` whenever `source` changes (e.g. a search box that mirrors the address). */
export function useSyncedState<T>(source: T): [T, (value: T) => void] {
  const [value, setValue] = useState(source);
  const [seen, setSeen] = useState(source);
  if (!Object.is(source, seen)) {
    // Adjusting state during render (React's documented pattern) instead of in an effect: no extra paint.
    setSeen(source);
    setValue(source);
  }
  return [value, setValue];
}
