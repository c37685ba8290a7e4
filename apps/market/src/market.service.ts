import { TOPICS } from '@fupin/contracts';
import { ServiceDefinition } from '@fupin/service-kit';
import { AllowancesModule } from './allowances/allowances.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { MarketCoreModule } from './common/market-core.module';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { marketConfigSchema } from './market-config';
import { migrations } from './migrations';
import { marketConsumers } from './network/network.consumers';
import { NetworkModule } from './network/network.module';
import { OrdersModule } from './orders/orders.module';
import { ProcurementModule } from './procurement/procurement.module';
import { SettlementModule } from './settlement/settlement.module';

export { marketConfigSchema } from './market-config';

/** The market service: Produce purchasing (消费扶贫): procurement, lots and trace codes, catalogue, orders, allowances and card payments. */
export const marketService: ServiceDefinition<typeof marketConfigSchema> = {
  name: 'market',
  title: '扶贫超市 Market',
  description:
    'Produce purchasing (消费扶贫): procurement, lots and trace codes, catalogue, orders, allowances and card payments.',
  configSchema: marketConfigSchema,
  entities: [],
  migrations,
  producedTopics: [TOPICS.marketProduce, TOPICS.marketOrders],
  consumers: () => marketConsumers(),
  modules: ({ config }) => [
    MarketCoreModule.forRoot(config),
    NetworkModule,
    ProcurementModule,
    CatalogueModule,
    OrdersModule,
    SettlementModule,
    FulfilmentModule,
    AllowancesModule,
  ],
};
