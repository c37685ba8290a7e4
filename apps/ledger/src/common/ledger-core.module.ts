import { DynamicModule, Global, Module } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../ledger-config';

/** What every ledger module shares: the typed config. */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerCoreModule,
      providers: [{ provide: LEDGER_CONFIG, useValue: config }],
      exports: [LEDGER_CONFIG],
    };
  }
}
