/**
 * Where this kiosk keeps its device credential (`<kioskId>.<secret>`): entered once by the store
 * keeper on the set-up screen and kept in the browser's localStorage of the kiosk machine. Not in
 * the address (it would end up in logs and history) and not in the build (one build serves every
 * village).
 */
export const CREDENTIAL_STORAGE_KEY = 'fupin.kiosk.credential';

const CREDENTIAL_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{20,100}$/;

/** True for text shaped like a device credential (the registry decides whether it is valid). */
export function looksLikeCredential(text: string): boolean {
  return CREDENTIAL_PATTERN.test(text.trim());
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readCredential(): string | null {
  try {
    const value = storage()?.getItem(CREDENTIAL_STORAGE_KEY) ?? null;
    return value && looksLikeCredential(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeCredential(credential: string | null): void {
  const store = storage();
  if (!store) return;
  if (credential === null) store.removeItem(CREDENTIAL_STORAGE_KEY);
  else store.setItem(CREDENTIAL_STORAGE_KEY, credential.trim());
}
