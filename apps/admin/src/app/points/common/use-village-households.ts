import type { HouseholdSummary, Paginated } from '@fupin/contracts';
import { useApiQuery } from '../../common/use-api-query';
import { REGISTRY_HOUSEHOLDS } from '../points-api';

/** The registry's households of one village (a village has a few hundred at most), by head's name. */
export function useVillageHouseholds(villageCode: string) {
  return useApiQuery(
    (client, signal) =>
      client
        .get<Paginated<HouseholdSummary>>(REGISTRY_HOUSEHOLDS, {
          query: { regionCode: villageCode, pageSize: 200, sort: 'headName' },
          signal,
        })
        .then((page) => page.items),
    [villageCode],
    villageCode !== '',
  );
}
