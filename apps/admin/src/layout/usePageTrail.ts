import type { ReactNode } from 'react';
import { type Identifier, useCreatePath, useGetOne, useGetRecordRepresentation, useGetResourceLabel, useResourceDefinitions } from 'react-admin';

import { groupsLeadingTo } from './navigation';
import { usePageLocation } from './usePageLocation';

/** One step of the breadcrumbs; the page itself and the menu groups have no link. */
export interface Crumb {
  label: string;
  to?: string;
}

export interface PageTrail {
  crumbs: Crumb[];
  /** The tab title's parts, the page first, the product's name left out. */
  title: string[];
}

const NO_TRAIL: PageTrail = { crumbs: [], title: [] };

/**
 * Where the page sits, as Oro shows it: the menu groups, the resource's list, the record
 * (System / User Management / OAuth Applications / Nightly export), and the tab title that names
 * the page first ("Nightly export — OAuth Applications").
 */
export function usePageTrail(): PageTrail {
  const location = usePageLocation();
  const resource = 'resource' in location ? location.resource : '';
  const id = 'id' in location ? location.id : undefined;
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  const represent = useGetRecordRepresentation(resource);
  // The record as the page's own query holds it, never fetched from here: the show and edit
  // views load it (and refetch it after a save), the trail only names it.
  const { data: record } = useGetOne(resource, { id }, { enabled: false });

  if (location.view === 'dashboard') return { crumbs: [], title: ['Dashboard'] };
  if (location.view === 'other') return NO_TRAIL;

  const plural = getResourceLabel(resource, 2);
  const groups: Crumb[] = groupsLeadingTo(resource).map((group) => ({ label: group.label }));
  if (location.view === 'list') return { crumbs: [...groups, { label: plural }], title: [plural] };

  const definition = definitions[resource];
  const list: Crumb = { label: plural, to: definition?.hasList ? createPath({ resource, type: 'list' }) : undefined };
  if (location.view === 'create') {
    return { crumbs: [...groups, list, { label: 'Create' }], title: [`Create ${getResourceLabel(resource, 1)}`, plural] };
  }

  const name = record ? nameOf(represent(record), location.id) : undefined;
  if (location.view === 'show') {
    return { crumbs: [...groups, list, { label: name ?? '…' }], title: name ? [name, plural] : [plural] };
  }
  const show = definition?.hasShow ? createPath({ resource, type: 'show', id: location.id }) : undefined;
  return {
    crumbs: [...groups, list, { label: name ?? '…', to: show }, { label: 'Edit' }],
    title: name ? [`Edit ${name}`, plural] : [plural],
  };
}

// Every resource here names its records with text; an element (react-admin allows one) has none to give a tab.
const nameOf = (representation: ReactNode, id: Identifier): string =>
  (typeof representation === 'string' || typeof representation === 'number') && representation !== '' ? String(representation) : `#${id}`;
