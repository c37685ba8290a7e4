/** Where the public dividends pages read from (the dividends service, no sign-in). */
export const PUBLIC_API = {
  notices: '/api/dividends/public/notices',
  notice: (id: string) => `/api/dividends/public/notices/${id}`,
  objections: (id: string) => `/api/dividends/public/notices/${id}/objections`,
  chainVerify: '/api/dividends/public/chain/verify',
  fundSources: '/api/dividends/public/funds/sources',
  fundFlows: (id: string) => `/api/dividends/public/funds/sources/${id}/flows`,
  /** Read with a household (card + PIN) token. */
  myPayouts: '/api/dividends/households/me/payouts',
  /**
   * The registry's card + PIN sign-in for households outside a kiosk. NOT YET THERE: the kiosk
   * sign-in needs a kiosk device credential; this page answers "not available yet" until it exists.
   */
  householdSignIn: '/api/registry/auth/household/sign-in',
} as const;

/** Where the public pages live in the app (under `/public`). */
export const PUBLIC_PAGES = {
  notices: '/public/dividends/notices',
  notice: (id: string) => `/public/dividends/notices/${id}`,
  chain: '/public/dividends/chain',
  funds: '/public/funds',
  fund: (id: string) => `/public/funds/${id}`,
  mine: '/public/dividends/mine',
} as const;
