import type { ApiClient } from '@fupin/api-client';
import { MAX_PAGE_SIZE, type Paginated, type RegionView } from '@fupin/contracts';

export const REGIONS_PATH = '/api/registry/regions';

/** The children of a region, all of them (a village has a handful of groups, a county a few dozen towns). */
export function loadChildRegions(client: ApiClient, parentCode: string, signal?: AbortSignal) {
  return client.get<Paginated<RegionView>>(REGIONS_PATH, {
    query: { parentCode, pageSize: MAX_PAGE_SIZE },
    signal,
  });
}

export function loadRegion(client: ApiClient, code: string, signal?: AbortSignal) {
  return client.get<RegionView>(`${REGIONS_PATH}/${code}`, { signal });
}
