import { TOPICS } from '@fupin/contracts';
import { ServiceDefinition } from '@fupin/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import { AwardSheetsModule } from './award-sheets/award-sheets.module';
import { BlacklistModule } from './blacklist/blacklist.module';
import { LedgerCoreModule } from './common/ledger-core.module';
import { ledgerConfigSchema } from './ledger-config';
import { migrations } from './migrations';
import { PointsExpiryModule } from './points-expiry/points-expiry.module';
import { ledgerConsumers } from './read-models/read-model-handlers';
import { RedemptionsModule } from './redemptions/redemptions.module';
import { RulesModule } from './rules/rules.module';
import { StoresModule } from './stores/stores.module';

export { ledgerConfigSchema } from './ledger-config';

/** The ledger service: Love-supermarket points (爱心积分): double-entry points ledger, award sheets, stores, stock and redemptions. */
export const ledgerService: ServiceDefinition<typeof ledgerConfigSchema> = {
  name: 'ledger',
  title: '积分账本 Ledger',
  description:
    'Love-supermarket points (爱心积分): double-entry points ledger, award sheets, stores, stock and redemptions.',
  configSchema: ledgerConfigSchema,
  entities: [],
  migrations,
  producedTopics: [TOPICS.ledgerPoints, TOPICS.ledgerStock],
  consumers: () => ledgerConsumers(),
  modules: ({ config }) => [
    LedgerCoreModule.forRoot(config),
    AccountsModule,
    RulesModule,
    AwardSheetsModule,
    BlacklistModule,
    StoresModule,
    RedemptionsModule,
    PointsExpiryModule,
  ],
};
