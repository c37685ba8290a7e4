import { DynamicModule, Global, Module } from '@nestjs/common';

/** What the services of this app read from the validated configuration. */
export interface DividendsSettings {
  /** Length of one notice day in seconds: 86400, shorter only in development and browser tests. */
  noticeDaySeconds: number;
}

/** Injection token of {@link DividendsSettings}. */
export const DIVIDENDS_SETTINGS = Symbol('DIVIDENDS_SETTINGS');

/** Makes the settings injectable everywhere in the dividends service. */
@Global()
@Module({})
export class DividendsConfigModule {
  static forRoot(settings: DividendsSettings): DynamicModule {
    return {
      module: DividendsConfigModule,
      providers: [{ provide: DIVIDENDS_SETTINGS, useValue: settings }],
      exports: [DIVIDENDS_SETTINGS],
    };
  }
}
