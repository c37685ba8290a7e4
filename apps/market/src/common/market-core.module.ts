import { DynamicModule, Global, Module } from '@nestjs/common';
import { MARKET_CONFIG, type MarketConfig } from '../market-config';
import { StripeGateway } from '../payments/stripe-gateway';

/** The market's config and Stripe client, for every module. */
@Global()
@Module({})
export class MarketCoreModule {
  static forRoot(config: MarketConfig): DynamicModule {
    return {
      module: MarketCoreModule,
      providers: [{ provide: MARKET_CONFIG, useValue: config }, StripeGateway],
      exports: [MARKET_CONFIG, StripeGateway],
    };
  }
}
