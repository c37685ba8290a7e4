import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A connection of the service's pool of its own, outside any transaction of the caller, for a
 * COPY streamed through pg-copy-streams (a posting's line reader, a CSV download). It goes back
 * to the pool when `run` is done; a connection whose `run` failed — a COPY stopped half-way may
 * still have rows in flight — is closed instead of being handed to the next caller.
 */
export async function withPooledClient<T>(
  dataSource: DataSource,
  run: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await ((dataSource.driver as PostgresDriver).master as Pool).connect();
  try {
    const result = await run(client);
    client.release();
    return result;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}
