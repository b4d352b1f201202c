import { useEffect, useState } from 'react';

/** Hash routes: no server-side routing, so the build works from app://, file-like and static origins. */
export type Route = { name: 'list' } | { name: 'new' } | { name: 'detail'; id: string } | { name: 'slaAdmin' } | { name: 'templates' } | { name: 'stats' } | { name: 'admin' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { name: 'new' };
  if (path === '/sla-admin') return { name: 'slaAdmin' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/templates') return { name: 'templates' };
  if (path === '/stats') return { name: 'stats' };
  const m = /^\/complaints\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'detail', id: decodeURIComponent(m[1]) };
  return { name: 'list' };
}

export const hrefFor = {
  list: '#/complaints',
  new: '#/new',
  slaAdmin: '#/sla-admin',
  admin: '#/admin',
  templates: '#/templates',
  stats: '#/stats',
  detail: (id: string) => `#/complaints/${encodeURIComponent(id)}`,
};

export function navigate(href: string): void {
  window.location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
