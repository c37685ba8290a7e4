import type { OrganisationType } from '@fupin/contracts';
import { useApiQuery } from '../common/use-api-query';

/** Every market endpoint lives under this prefix. */
export const MARKET = '/api/market';

/** `GET /network/organisations`: the market's copy of the network (kept from registry events). */
export interface NetworkOrganisation {
  id: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  villageCode: string | null;
  active: boolean;
}

/** The network's organisations, loaded once per page. */
export function useNetwork() {
  return useApiQuery(
    (client, signal) => client.get<NetworkOrganisation[]>(`${MARKET}/network/organisations`, { signal }),
    [],
  );
}

/** Where a lot goes next: collection point → sorting station → county supermarket. */
export const NEXT_LEVEL: Partial<Record<OrganisationType, OrganisationType>> = {
  collection_point: 'sorting_station',
  sorting_station: 'county_supermarket',
};

/** The receive form of a transfer, carrying its lot and the weight sent (as the transfer note's link does). */
export function receivePath(transfer: { id: string; lotId: string; sentGrams: number }): string {
  return `/market/transfers/${transfer.id}/receive?lot=${transfer.lotId}&sent=${transfer.sentGrams}`;
}

/** Saves a downloaded file through a temporary link, the way a browser saves an attachment. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
