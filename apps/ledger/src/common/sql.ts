/** Timestamps from the driver as ISO strings. */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A `date` column (the driver gives a Date at local midnight, or a string) as YYYY-MM-DD. */
export function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** A bigint column (pg gives digit strings) as a number; the ledger keeps values inside safe integers. */
export function num(value: string | number | null): number {
  if (value === null) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${value}`);
  return n;
}

/**
 * Runs an UPDATE or DELETE … RETURNING and gives its rows. (TypeORM answers those statements with
 * `[rows, rowCount]` on PostgreSQL, unlike SELECT and INSERT.)
 */
export async function queryReturning<T>(
  manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** The calendar day in China (Asia/Shanghai, UTC+8, no DST) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** True when a PostgreSQL error is a violation of the named constraint. */
export function violates(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return (
    (e?.code === '23514' || e?.code === '23505') &&
    (e.constraint === constraint || e.driverError?.constraint === constraint)
  );
}
