import type { ApiClient } from '@fupin/api-client';
import type { KioskDeviceView } from '@fupin/contracts';
import { useApiClient } from '@fupin/ui';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CREDENTIAL_HEADER, REGISTRY } from '../session/kiosk-session';
import { readCredential, writeCredential } from './credential-storage';

export type DeviceStatus = 'unconfigured' | 'checking' | 'ready' | 'failed';

export interface KioskDevice {
  credential: string | null;
  /** The kiosk, store and village behind the credential, once the registry confirmed it. */
  device: KioskDeviceView | null;
  status: DeviceStatus;
  /** Why the last check failed (a refused credential, or no network). */
  error: unknown;
  /** Checks a credential with the registry and, when it is good, keeps it on this machine. */
  configure(credential: string): Promise<KioskDeviceView>;
  /** Removes the credential from this machine. */
  forget(): void;
  recheck(): void;
}

const DeviceContext = createContext<KioskDevice | null>(null);

/** `GET /auth/kiosk/device`: who this kiosk is. */
export function fetchDevice(client: ApiClient, credential: string, signal?: AbortSignal) {
  return client.get<KioskDeviceView>(`${REGISTRY}/auth/kiosk/device`, {
    headers: { [CREDENTIAL_HEADER]: credential },
    signal,
  });
}

/** Holds the kiosk's credential and what the registry says about it, for every screen. */
export function KioskDeviceProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const [credential, setCredential] = useState<string | null>(() => readCredential());
  const [device, setDevice] = useState<KioskDeviceView | null>(null);
  const [status, setStatus] = useState<DeviceStatus>(credential ? 'checking' : 'unconfigured');
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!credential) {
      setStatus('unconfigured');
      setDevice(null);
      return;
    }
    const controller = new AbortController();
    setStatus('checking');
    fetchDevice(client, credential, controller.signal).then(
      (view) => {
        if (controller.signal.aborted) return;
        setDevice(view);
        setError(undefined);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setStatus('failed');
      },
    );
    return () => controller.abort();
  }, [client, credential, round]);

  const configure = useCallback(
    async (next: string) => {
      const trimmed = next.trim();
      const view = await fetchDevice(client, trimmed);
      writeCredential(trimmed);
      setDevice(view);
      setError(undefined);
      setCredential(trimmed);
      setStatus('ready');
      return view;
    },
    [client],
  );
  const forget = useCallback(() => {
    writeCredential(null);
    setCredential(null);
    setDevice(null);
  }, []);
  const recheck = useCallback(() => setRound((r) => r + 1), []);

  const value = useMemo<KioskDevice>(
    () => ({ credential, device, status, error, configure, forget, recheck }),
    [credential, device, status, error, configure, forget, recheck],
  );
  return <DeviceContext.Provider value={value}>{children}</DeviceContext.Provider>;
}

export function useKioskDevice(): KioskDevice {
  const value = useContext(DeviceContext);
  if (!value) throw new Error('useKioskDevice outside KioskDeviceProvider');
  return value;
}
