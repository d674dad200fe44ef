import { LEAD_STAGES, type LeadStage } from '../../../../core/funnel/stages.ts';
import type { LeadFilter } from '../../../../core/schemas/funnel.ts';

/**
 * The filters of the leads list as the query string holds them (a shareable link) and as a saved
 * view stores them: plain strings, only the ones in use. Anything the server would refuse is dropped.
 */
export type LeadSort = LeadFilter['sort'];
export type FilterKey = keyof LeadFilter;
export type LeadFilterValues = Partial<Record<FilterKey, string>>;

export const SORT_LABELS: Record<LeadSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  recently_moved: 'Recently moved',
};
const DEFAULT_SORT: LeadSort = 'newest';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isText = (value: string) => value.trim() !== '' && value.length <= 100;

const VALID: Record<FilterKey, (value: string) => boolean> = {
  q: isText,
  stage: (value) => (LEAD_STAGES as readonly string[]).includes(value),
  source: isText,
  channel: isText,
  campaignId: (value) => UUID.test(value),
  ownerId: (value) => UUID.test(value),
  accountId: (value) => UUID.test(value),
  createdFrom: (value) => DAY.test(value),
  createdTo: (value) => DAY.test(value),
  sort: (value) => value in SORT_LABELS && value !== DEFAULT_SORT,
};
export const FILTER_KEYS = Object.keys(VALID) as FilterKey[];

/** The valid filters among any key/value pairs (the query string, a saved view). */
export function readFilter(entries: Iterable<[string, string]> | Record<string, string>): LeadFilterValues {
  const pairs = Symbol.iterator in entries ? [...(entries as Iterable<[string, string]>)] : Object.entries(entries);
  const filter: LeadFilterValues = {};
  for (const [key, value] of pairs) {
    if (key in VALID && VALID[key as FilterKey](value)) filter[key as FilterKey] = key === 'q' ? value.trim() : value;
  }
  return filter;
}

/** The query string of a filter, in a stable order. */
export function filterSearch(filter: LeadFilterValues): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function sameFilter(a: LeadFilterValues, b: LeadFilterValues): boolean {
  return filterSearch(a) === filterSearch(b);
}

export function sortOf(filter: LeadFilterValues): LeadSort {
  return (filter.sort as LeadSort | undefined) ?? DEFAULT_SORT;
}

export function stageOf(filter: LeadFilterValues): LeadStage | null {
  return (filter.stage as LeadStage | undefined) ?? null;
}

/** Path (inside the workspace) of the leads list with these filters, e.g. for a funnel group. */
export function leadsPath(filter: LeadFilterValues): string {
  const search = filterSearch(filter);
  return search ? `leads?${search}` : 'leads';
}
