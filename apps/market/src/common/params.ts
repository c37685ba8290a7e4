import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';

/** `@Param('id', UuidPipe)`: a malformed id is 400 VALIDATION_FAILED, not a database error. */
export const UuidPipe = new ZodValidationPipe(z.uuid({ error: 'id 须为 UUID / id must be a UUID' }));

/** Masks a person's name for public pages: 张三 → 张*, 张小明 → 张*明. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** pg returns bigint columns as strings; our amounts stay within the safe integer range. */
export const int = (value: unknown): number => Number(value);

/** A timestamptz column as ISO text, or null. */
export const iso = (value: unknown): string | null =>
  value ? new Date(value as string).toISOString() : null;

/**
 * Runs an `UPDATE … RETURNING` and gives the returned rows. TypeORM's postgres driver answers
 * UPDATE and DELETE with `[rows, rowCount]` instead of the rows, which makes `.length` lie.
 */
export async function updateReturning<T = Record<string, unknown>>(
  manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
