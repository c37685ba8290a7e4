import type { Paginated, RegionView } from '@fupin/contracts';
import { useApiQuery } from './use-api-query';

/** Every market endpoint lives under this prefix. */
export const MARKET = '/api/market';
export const REGISTRY = '/api/registry';

/** A village's name and where it lies (方城县 / 独树镇 / 砚山铺村). */
export interface VillageName {
  name: string;
  path: string[];
}

/**
 * Village names by code, from the registry's regions. Products and trace data carry only the
 * 12-digit code; when the names cannot be loaded the code is shown instead, nothing breaks.
 */
export function useVillageNames(): (code: string) => VillageName {
  const query = useApiQuery(
    (client, signal) =>
      client.get<Paginated<RegionView>>(`${REGISTRY}/regions`, {
        query: { level: 'village', pageSize: 200 },
        signal,
      }),
    [],
  );
  const byCode = new Map((query.data?.items ?? []).map((region) => [region.code, region]));
  return (code) => {
    const region = byCode.get(code);
    return region ? { name: region.name, path: region.path } : { name: code, path: [code] };
  };
}
