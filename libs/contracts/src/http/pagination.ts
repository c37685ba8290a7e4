import { z } from 'zod';

/** Largest page a client may ask for; keeps one request from reading a whole county. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

// Query strings arrive as text, and `?page=` as an empty string: treat that as "not given".
const blankToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

/**
 * `?page=&pageSize=` for list endpoints. Coerces strings, defaults page 1 and size 20, and refuses
 * fractions, zero, negatives, non-numbers and sizes above {@link MAX_PAGE_SIZE} with a readable message.
 */
export const paginationQuerySchema = z.object({
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'page 必须是数字 / page must be a number' })
      .int({ error: 'page 必须是整数 / page must be a whole number' })
      .min(1, { error: 'page 从 1 开始 / page starts at 1' })
      .default(1),
  ),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'pageSize 必须是数字 / pageSize must be a number' })
      .int({ error: 'pageSize 必须是整数 / pageSize must be a whole number' })
      .min(1, { error: 'pageSize 至少为 1 / pageSize must be at least 1' })
      .max(MAX_PAGE_SIZE, {
        error: `pageSize 最大为 ${MAX_PAGE_SIZE} / pageSize must be at most ${MAX_PAGE_SIZE}`,
      })
      .default(DEFAULT_PAGE_SIZE),
  ),
});

/** Parsed pagination: both fields always present. */
export type PaginationQuery = z.output<typeof paginationQuerySchema>;

/** One page of a list. `total` counts all matching items, not just this page. */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Builds the schema of a page of `item`, for clients that validate what they receive. */
export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1).max(MAX_PAGE_SIZE),
  });
}

/** The zero-based row offset of a page, for SQL `OFFSET`. */
export function pageOffset(query: PaginationQuery): number {
  return (query.page - 1) * query.pageSize;
}
