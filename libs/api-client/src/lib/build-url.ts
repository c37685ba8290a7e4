type QueryScalar = string | number | boolean;

/** Query parameters; `null` and `undefined` are left out, arrays repeat the key. */
export type QueryParams = Readonly<Record<string, QueryScalar | readonly QueryScalar[] | null | undefined>>;

/** Joins a base URL ('' for same-origin) and an absolute path, then appends the query string. */
export function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  if (!path.startsWith('/')) {
    throw new TypeError(`api-client paths start with "/": got "${path}"`);
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    const values: readonly QueryScalar[] = Array.isArray(value) ? value : [value as QueryScalar];
    for (const item of values) search.append(key, String(item));
  }
  const queryString = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${queryString ? `?${queryString}` : ''}`;
}
