import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Makes the service's already-connected DataSource injectable (`constructor(ds: DataSource)`)
 * and closes it on shutdown. The connection is opened before Nest starts, so a bad database URL
 * fails start-up with one clear line instead of retry stack traces.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: DataSourceCloser, useFactory: () => new DataSourceCloser(dataSource) },
      ],
      exports: [DataSource],
    };
  }
}
