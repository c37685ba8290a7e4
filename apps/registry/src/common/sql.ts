/** Builds a parameterised WHERE clause piece by piece: `where.add('x = ?', value)` → `x = $n`. */
export class WhereBuilder {
  private readonly parts: string[] = [];
  readonly params: unknown[];

  constructor(params: unknown[] = []) {
    this.params = params;
  }

  /** Adds a condition; each `?` becomes the next positional parameter. */
  add(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.parts.push(
      condition.replace(/\?/g, () => {
        this.params.push(values[i++]);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }

  /** The next parameter's placeholder for use outside a condition (LIMIT, OFFSET). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toSql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Timestamps from the driver as ISO strings. */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
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
