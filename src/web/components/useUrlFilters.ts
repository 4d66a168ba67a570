import { useEffect, useEffectEvent, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address bar, so a filtered list can be bookmarked, shared and restored with "back".
 * Changing a filter goes back to the first page.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);

  const set = (changes: Partial<Record<K | 'offset', string | number>>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!('offset' in changes)) next.delete('offset');
        for (const [key, value] of Object.entries(changes)) {
          if (value === '' || value === undefined || value === 0 || value === '0') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  };
  const clear = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of [...keys, 'offset']) next.delete(key);
        return next;
      },
      { replace: true },
    );
  const active = keys.some((key) => values[key] !== '');
  return { values, offset, set, clear, active };
}

/** A search box value that updates the address bar a moment after typing stops. */
export function useDebouncedSearch(value: string, onSettled: (value: string) => void, delay = 350) {
  const [text, setText] = useState(value);
  // When the address changes from elsewhere (back button, "clear filters"), the box follows.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const settle = useEffectEvent((typed: string) => {
    if (typed !== value) onSettled(typed);
  });
  useEffect(() => {
    const timer = window.setTimeout(() => settle(text), delay);
    return () => window.clearTimeout(timer);
  }, [text, delay]);
  return [text, setText] as const;
}
