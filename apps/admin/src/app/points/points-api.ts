import type { SessionUser } from '@fupin/contracts';
import { scopeRegionCode } from '../auth/permissions';

/** Every ledger endpoint lives under this prefix. */
export const LEDGER = '/api/ledger';
export const REGISTRY_HOUSEHOLDS = '/api/registry/households';

/** A village code has 12 digits (county 6, town 9, group 15). */
export const VILLAGE_CODE_LENGTH = 12;

/** The village a user works in when their scope is one (a village committee, a store keeper). */
export function ownVillage(user: SessionUser): string | null {
  if (user.scope.kind === 'household') return user.scope.villageCode;
  const code = scopeRegionCode(user.scope);
  return code.length >= VILLAGE_CODE_LENGTH ? code.slice(0, VILLAGE_CODE_LENGTH) : null;
}

/** A county code has 6 digits; every staff scope lies inside one county. */
export const COUNTY_CODE_LENGTH = 6;

/** The county a staff user works in (the first 6 digits of their region). */
export function ownCounty(user: SessionUser): string {
  const code = user.scope.kind === 'household' ? user.scope.villageCode : scopeRegionCode(user.scope);
  return code.slice(0, COUNTY_CODE_LENGTH);
}

/** A county's points expiry policy (GET, PUT) and its runs (GET, POST). */
export const expiryPolicyPath = (county: string) => `${LEDGER}/counties/${county}/expiry-policy`;
export const expiryRunsPath = (county: string) => `${LEDGER}/counties/${county}/expiry-runs`;

/** Today as YYYY-MM-DD on this device's calendar (staff work in China time). */
export function localDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Points with their sign, as on a notice board: +5, −3, 0. */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points.toLocaleString('en-US')}`;
  if (points < 0) return `−${Math.abs(points).toLocaleString('en-US')}`;
  return '0';
}

/** The month after this one, as YYYY-MM (a draft is usually for the month just ended or the next). */
export function periodOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
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
