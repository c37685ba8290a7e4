import {
  ApiClientError,
  createApiClient,
  isApiClientError,
  type ApiClient,
  type FetchLike,
} from '@fupin/api-client';
import type { SessionUser, TokenPairResponse } from '@fupin/contracts';

/** sessionStorage key of the refresh token: survives a reload, not the closing of the tab. */
export const REFRESH_TOKEN_KEY = 'fupin.storefront.refreshToken';

const AUTH = '/api/registry/auth';

/**
 * - `restoring`: a refresh token was kept from before a reload and is being exchanged;
 * - `unreachable`: it could not be exchanged because the server did not answer (it is kept);
 * - `signed-out` / `signed-in`.
 */
export type SessionStatus = 'restoring' | 'unreachable' | 'signed-out' | 'signed-in';

/** Why the last session ended, so the login page can say so. */
export type SignOutReason = 'logout' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  user: SessionUser | null;
  reason: SignOutReason | null;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionStoreOptions {
  /** Origin of the gateway; '' (default) is the page's own. */
  baseUrl?: string;
  /** Where the refresh token is kept; defaults to sessionStorage, `null` keeps it in memory only. */
  storage?: KeyValueStorage | null;
  fetchImpl?: FetchLike;
  /** How long before the access token expires it is renewed; 60 s unless given. */
  refreshMarginMs?: number;
}

/** Only public employees (干部职工) with a buyer account shop here; staff use the admin app. */
export function isBuyer(user: SessionUser): boolean {
  return user.role === 'buyer';
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The signed-in buyer. The access token (15 minutes) lives in memory only; the refresh token
 * in sessionStorage, so a reload keeps the session and closing the tab ends it. The access token is
 * renewed shortly before it expires and, through {@link SessionStore.refresh}, after a 401.
 */
export class SessionStore {
  private snapshot: SessionSnapshot;
  private accessToken: string | null = null;
  private refreshToken: string | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly auth: ApiClient;
  private readonly storage: KeyValueStorage | null;
  private readonly marginMs: number;

  constructor(options: SessionStoreOptions = {}) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.marginMs = options.refreshMarginMs ?? 60_000;
    // Auth calls carry no bearer token and never trigger a refresh themselves.
    this.auth = createApiClient({ baseUrl: options.baseUrl, fetchImpl: options.fetchImpl });
    this.refreshToken = this.read();
    this.snapshot = { status: this.refreshToken ? 'restoring' : 'signed-out', user: null, reason: null };
  }

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The access token for the next request, or null when signed out. */
  readonly getToken = (): string | null => this.accessToken;

  /** Exchanges a refresh token kept from before a reload; safe to call more than once. */
  restore(): Promise<void> {
    if (this.snapshot.status !== 'restoring' && this.snapshot.status !== 'unreachable')
      return Promise.resolve();
    if (this.snapshot.status === 'unreachable') this.set({ status: 'restoring', user: null, reason: null });
    this.restoring ??= this.refresh().then(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  /** Signs in; refuses accounts that are not buyers (staff work in the admin app, villagers at the kiosk). */
  async login(username: string, password: string): Promise<SessionUser> {
    const pair = await this.auth.post<TokenPairResponse>(`${AUTH}/login`, { username, password });
    if (!isBuyer(pair.user)) {
      await this.auth.post(`${AUTH}/logout`, { refreshToken: pair.refreshToken }).catch(() => undefined);
      throw new ApiClientError({
        status: 403,
        code: 'NOT_A_BUYER',
        message: '这个账号不是干部职工采购账号 / This is not a buyer account',
      });
    }
    this.adopt(pair);
    return pair.user;
  }

  /**
   * Exchanges the refresh token for a new pair (one request at a time; the token is rotated on
   * every use). Resolves false when that failed: the session ends when the server refused the token,
   * and is kept when the server could not be reached.
   */
  readonly refresh = (): Promise<boolean> => {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  };

  /** Takes a token pair the registry handed out (login, refresh, password change). */
  adopt(pair: TokenPairResponse): void {
    this.accessToken = pair.accessToken;
    this.refreshToken = pair.refreshToken;
    this.write(pair.refreshToken);
    this.schedule(pair.expiresIn * 1000 - this.marginMs);
    this.set({ status: 'signed-in', user: pair.user, reason: null });
  }

  /** Ends the session here and at the registry. */
  async logout(): Promise<void> {
    const refreshToken = this.refreshToken;
    this.end('logout');
    if (refreshToken) {
      await this.auth.post(`${AUTH}/logout`, { refreshToken }).catch(() => undefined);
    }
  }

  /** Stops the renewal timer (tests, unmount). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private async exchange(): Promise<boolean> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) {
      if (this.snapshot.status !== 'signed-out') this.end('expired');
      return false;
    }
    try {
      const pair = await this.auth.post<TokenPairResponse>(`${AUTH}/refresh`, { refreshToken });
      if (!isBuyer(pair.user)) {
        this.end('expired');
        return false;
      }
      this.adopt(pair);
      return true;
    } catch (error) {
      const answered = isApiClientError(error) && error.status > 0 && error.status < 500;
      if (answered) {
        this.end('expired');
      } else if (this.snapshot.status === 'restoring') {
        this.set({ status: 'unreachable', user: null, reason: null });
      } else {
        this.schedule(30_000); // the server is away for a moment: try again soon, keep the session
      }
      return false;
    }
  }

  private end(reason: SignOutReason): void {
    clearTimeout(this.timer);
    this.accessToken = null;
    this.refreshToken = null;
    this.write(null);
    this.set({ status: 'signed-out', user: null, reason });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(delayMs, 1_000));
  }

  private set(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(REFRESH_TOKEN_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private write(token: string | null): void {
    try {
      if (token) this.storage?.setItem(REFRESH_TOKEN_KEY, token);
      else this.storage?.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // blocked storage only costs keeping the session over a reload
    }
  }
}
