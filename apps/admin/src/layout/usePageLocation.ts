import { type Identifier, useResourceDefinitions } from 'react-admin';
import { useLocation } from 'react-router-dom';

/** Which of react-admin's pages the address shows. */
export type PageLocation =
  | { view: 'dashboard' }
  | { view: 'list'; resource: string }
  | { view: 'create'; resource: string }
  | { view: 'show'; resource: string; id: Identifier }
  | { view: 'edit'; resource: string; id: Identifier }
  /** A page of no resource (a custom route), or an address that leads nowhere. */
  | { view: 'other' };

/**
 * Reads the address the way react-admin's routes do (`/:resource`, `/:resource/create`,
 * `/:resource/:id`, `/:resource/:id/show`), for what lives outside the page itself: the menu
 * and the page header.
 */
export function usePageLocation(): PageLocation {
  const { pathname } = useLocation();
  const resources = useResourceDefinitions();
  const [resource, second, third, ...rest] = pathname.split('/').filter(Boolean).map(decodeURIComponent);

  if (resource === undefined) return { view: 'dashboard' };
  if (!Object.hasOwn(resources, resource) || rest.length > 0) return { view: 'other' };
  if (second === undefined) return { view: 'list', resource };
  if (second === 'create' && third === undefined) return { view: 'create', resource };
  if (third === undefined) return { view: 'edit', resource, id: second };
  if (third === 'show') return { view: 'show', resource, id: second };
  return { view: 'other' };
}
