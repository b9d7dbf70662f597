import { useEffect, useState } from 'react';

/**
 * Hash routing (`#/alerts/<id>?tab=…`): the server only ever serves index.html under /console,
 * so any deep link works, and the back button works without a server round trip.
 */
export interface Route {
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

export const parseHash = (hash: string): Route => {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?');
  return {
    path,
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(search),
  };
};

export const useHashRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
};

export const href = (...segments: readonly string[]): string =>
  `#/${segments.map(encodeURIComponent).join('/')}`;

export const navigate = (to: string): void => {
  window.location.hash = to.startsWith('#') ? to : `#${to}`;
};
