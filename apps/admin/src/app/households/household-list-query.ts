import type { HouseholdListQuery } from '@fupin/contracts';
import {
  householdSubClassSchema,
  labourClassSchema,
  povertyStatusSchema,
  regionCodeSchema,
} from '@fupin/contracts';

/** The list's filters as kept in the address bar, so a filtered page can be reloaded or shared. */
export interface HouseholdFilters {
  regionCode: string;
  labourClass: string;
  subClass: string;
  povertyStatus: string;
  q: string;
  cardLocked: boolean;
  sort: HouseholdListQuery['sort'];
  page: number;
}

export const HOUSEHOLD_PAGE_SIZE = 20;
const SORTS: ReadonlyArray<HouseholdListQuery['sort']> = ['householdNumber', 'headName', 'updatedAt'];

function valid(schema: { safeParse(value: unknown): { success: boolean } }, value: string | null): string {
  return value && schema.safeParse(value).success ? value : '';
}

export function filtersFromSearch(search: URLSearchParams): HouseholdFilters {
  const sort = search.get('sort') as HouseholdListQuery['sort'] | null;
  const page = Number(search.get('page'));
  return {
    regionCode: valid(regionCodeSchema, search.get('region')),
    labourClass: valid(labourClassSchema, search.get('class')),
    subClass: valid(householdSubClassSchema, search.get('subClass')),
    povertyStatus: valid(povertyStatusSchema, search.get('status')),
    q: (search.get('q') ?? '').slice(0, 64),
    cardLocked: search.get('locked') === '1',
    sort: sort && SORTS.includes(sort) ? sort : 'householdNumber',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function searchFromFilters(filters: HouseholdFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.regionCode) search.set('region', filters.regionCode);
  if (filters.labourClass) search.set('class', filters.labourClass);
  if (filters.subClass) search.set('subClass', filters.subClass);
  if (filters.povertyStatus) search.set('status', filters.povertyStatus);
  if (filters.q) search.set('q', filters.q);
  if (filters.cardLocked) search.set('locked', '1');
  if (filters.sort !== 'householdNumber') search.set('sort', filters.sort);
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

/** The API query for the filters; empty ones are left out. */
export function apiQueryFromFilters(filters: HouseholdFilters) {
  return {
    regionCode: filters.regionCode || undefined,
    labourClass: filters.labourClass || undefined,
    subClass: filters.subClass || undefined,
    povertyStatus: filters.povertyStatus || undefined,
    q: filters.q || undefined,
    cardLocked: filters.cardLocked ? true : undefined,
    sort: filters.sort,
    page: filters.page,
    pageSize: HOUSEHOLD_PAGE_SIZE,
  };
}
