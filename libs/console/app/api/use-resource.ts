import { useCallback, useEffect, useState } from 'react';
import { RouteNotServed } from './client';

/** A server answer as a page sees it: loading, there, not served here (yet), or failed. */
export type Resource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'unavailable'; readonly path: string }
  | { readonly status: 'error'; readonly error: Error };

/** Loads on mount and whenever `deps` change; `reload()` loads again (after a command). */
export const useResource = <T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): readonly [Resource<T>, () => void] => {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof RouteNotServed)
          setResource({ status: 'unavailable', path: error.path });
        else setResource({ status: 'error', error: error as Error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `deps` say when it means something new.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource, reload] as const;
};
