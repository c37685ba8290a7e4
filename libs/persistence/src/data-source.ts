import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/** What a service hands to {@link createDataSource}. */
export interface ServiceDataSourceOptions {
  url: string;
  /** Entity classes or schemas of this service only: entities never leave their service. */
  entities: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations: MixedList<string | (new () => unknown)>;
  /** Connection pool size. */
  poolSize?: number;
  /** Name shown in pg_stat_activity, so a DBA can tell the services apart. */
  applicationName?: string;
  logging?: boolean;
}

/**
 * A TypeORM DataSource for one service's PostgreSQL database. Schema changes go through
 * migrations only: `synchronize` is always off here.
 */
export function createDataSource(options: ServiceDataSourceOptions): DataSource {
  const config: DataSourceOptions = {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Query errors reach the caller as exceptions and the error filter logs them; TypeORM's own
    // console logging would print them twice, outside the structured log.
    logging: options.logging ? ['error', 'warn', 'migration'] : false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
  return new DataSource(config);
}

/** The host:port/database part of a URL: safe to print, the password is left out. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Opens the DataSource, retrying while the server is starting. Fails with one line that names
 * the database (never the password) and the cause, so a wrong URL is obvious at a glance.
 */
export async function connectDataSource(
  dataSource: DataSource,
  { attempts = 5, delayMs = 1_000 }: { attempts?: number; delayMs?: number } = {},
): Promise<DataSource> {
  const url = (dataSource.options as { url?: string }).url ?? '';
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await dataSource.initialize();
    } catch (error) {
      lastError = error;
      if (!isRetryable(error) || attempt === attempts) break;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  throw new DatabaseUnavailableError(describeDatabaseUrl(url), lastError);
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  // Refused / not yet accepting connections / starting up; wrong passwords or names are final.
  return code === 'ECONNREFUSED' || code === '57P03' || code === 'ETIMEDOUT';
}

/** The database cannot be reached; the message is one line for a person to act on. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`cannot connect to database ${target}: ${causeText(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

function causeText(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) return causeText(cause.errors[0]);
  if (cause instanceof Error) return cause.message.split('\n')[0] || cause.name;
  return String(cause);
}
