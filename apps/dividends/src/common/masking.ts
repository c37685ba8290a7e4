/** 王建国 → 王**: public notices show the family name only (公示 without exposing identities). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Dates from the driver (`date` columns come back as strings) as YYYY-MM-DD. */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Timestamps as ISO strings. */
export function isoTime(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The calendar day in China (Asia/Shanghai, UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDate(value: Date | string): string {
  const at = value instanceof Date ? value : new Date(value);
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
