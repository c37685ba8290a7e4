import { TOPICS } from '@fupin/contracts';
import { baseConfigSchema, ServiceDefinition } from '@fupin/service-kit';
import { z } from 'zod';
import { ChainModule } from './chain/chain.module';
import { DividendsConfigModule } from './common/dividends-config.module';
import { DistributionsModule } from './distributions/distributions.module';
import { EntitiesModule } from './entities/entities.module';
import { FundsModule } from './funds/funds.module';
import { IncomeModule } from './income/income.module';
import { migrations } from './migrations';
import { PayoutsModule } from './payouts/payouts.module';
import { PlansModule } from './plans/plans.module';
import { registryConsumer } from './read-models/registry-consumer';

/** Configuration of the dividends service, validated at start-up. */
export const dividendsConfigSchema = baseConfigSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3004),
    /**
     * Seconds in a notice day. A notice runs at least 10 days (checked in the database as well); a
     * browser test shortens the day so that a whole distribution fits in minutes. Production refuses
     * anything but a real day.
     */
    DIVIDENDS_NOTICE_DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(86_400),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.DIVIDENDS_NOTICE_DAY_SECONDS !== 86_400) {
      ctx.addIssue({
        code: 'custom',
        path: ['DIVIDENDS_NOTICE_DAY_SECONDS'],
        message: 'must be 86400 in production: a notice day is a real day',
      });
    }
  });

/** The dividends service: Dividends and fund flows (分红, 三级三账): entities, shareholdings, distribution plans, payouts and the fund-flow ledger. */
export const dividendsService: ServiceDefinition<typeof dividendsConfigSchema> = {
  name: 'dividends',
  title: '分红 Dividends',
  description:
    'Dividends and fund flows (分红, 三级三账): entities, shareholdings, distribution plans, payouts and the fund-flow ledger.',
  configSchema: dividendsConfigSchema,
  entities: [],
  migrations,
  producedTopics: [TOPICS.dividendsDistributions, TOPICS.dividendsPayouts],
  consumers: () => [registryConsumer()],
  modules: ({ config }) => [
    DividendsConfigModule.forRoot({ noticeDaySeconds: config.DIVIDENDS_NOTICE_DAY_SECONDS }),
    EntitiesModule,
    IncomeModule,
    PlansModule,
    ChainModule,
    DistributionsModule,
    PayoutsModule,
    FundsModule,
  ],
};
