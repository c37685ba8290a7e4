import { ApiClientError, isApiClientError, type ApiClient, type CommandOptions } from '@fupin/api-client';
import { KIOSK_CREDENTIAL_HEADER, type KioskSessionResponse } from '@fupin/contracts';

export const REGISTRY = '/api/registry';
export const LEDGER = '/api/ledger';
/** Header of the device credential (`<kioskId>.<secret>`). */
export const CREDENTIAL_HEADER = KIOSK_CREDENTIAL_HEADER;

/** Renew the 2-minute token on activity once it is this old, so an active villager is never cut off. */
const RENEW_AFTER_MS = 45_000;

export type KioskHousehold = KioskSessionResponse['household'];

/**
 * One villager's signed-in time at the kiosk: the short-lived token, renewed while they use the
 * screen, and every ledger call made with it. A request answered 401 renews the token once and
 * is sent again; when the session cannot be renewed it fails with `KIOSK_SESSION_ENDED`.
 */
export class KioskSession {
  private token: string;
  private issuedAt: number;
  private renewing: Promise<boolean> | null = null;
  private ended = false;
  readonly household: KioskHousehold;

  private constructor(
    private readonly client: ApiClient,
    private readonly credential: string,
    response: KioskSessionResponse,
  ) {
    this.token = response.accessToken;
    this.issuedAt = Date.now();
    this.household = response.household;
  }

  /** `POST /auth/kiosk/sign-in` with card and PIN; throws the registry's error (wrong PIN, locked…). */
  static async signIn(
    client: ApiClient,
    credential: string,
    cardNumber: string,
    pin: string,
  ): Promise<KioskSession> {
    const response = await client.post<KioskSessionResponse>(
      `${REGISTRY}/auth/kiosk/sign-in`,
      { cardNumber, pin },
      { headers: { [CREDENTIAL_HEADER]: credential } },
    );
    return new KioskSession(client, credential, response);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get<T>(path: string): Promise<T> {
    return this.authorised((headers) => this.client.get<T>(path, { headers }));
  }

  post<T>(path: string, body: unknown, options: CommandOptions = {}): Promise<T> {
    return this.authorised((headers) => this.client.post<T>(path, body, { ...options, headers }));
  }

  /** Called on every touch: renews the token when it is getting old. Never throws. */
  keepAlive(): void {
    if (this.ended || Date.now() - this.issuedAt < RENEW_AFTER_MS) return;
    void this.renew();
  }

  /** Signs the villager out (best effort: an unreachable server lets the token expire by itself). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.client.post<void>(`${REGISTRY}/auth/kiosk/session/end`, undefined, {
        headers: { Authorization: `Bearer ${this.token}` },
        timeoutMs: 5_000,
      });
    } catch {
      // the 2-minute token runs out on its own
    }
  }

  private async authorised<T>(send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    if (this.ended) throw sessionEnded();
    const used = this.token;
    try {
      return await send({ Authorization: `Bearer ${used}` });
    } catch (error) {
      if (!isApiClientError(error) || error.status !== 401) throw error;
      // Renewed meanwhile (a touch while the request was on its way): the new token will do.
      const renewed = this.token !== used || (await (this.renewing ?? this.renew()));
      if (!renewed || this.ended) throw sessionEnded();
      return send({ Authorization: `Bearer ${this.token}` });
    }
  }

  private renew(): Promise<boolean> {
    this.renewing ??= this.client
      .post<KioskSessionResponse>(`${REGISTRY}/auth/kiosk/session/refresh`, undefined, {
        headers: { Authorization: `Bearer ${this.token}`, [CREDENTIAL_HEADER]: this.credential },
      })
      .then(
        (response) => {
          this.token = response.accessToken;
          this.issuedAt = Date.now();
          return true;
        },
        (error: unknown) => {
          // An unreachable server is not an ended session: the next touch tries again.
          if (isApiClientError(error) && error.status === 0) return true;
          this.ended = true;
          return false;
        },
      )
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }
}

function sessionEnded(): ApiClientError {
  return new ApiClientError({
    status: 401,
    code: 'KIOSK_SESSION_ENDED',
    message: 'The kiosk session has ended',
  });
}
