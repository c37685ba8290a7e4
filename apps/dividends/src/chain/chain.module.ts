import { Module } from '@nestjs/common';
import { ChainService } from './chain.service';
import { HouseholdPayoutsController } from './household-payouts.controller';
import { ObjectionLimiter } from './objection-limiter';
import { PublicObjectionsController } from './public-objections.controller';
import { PublicController } from './public.controller';

/** The hash chain and the public pages that show it: notices, objections, a household's own payouts. */
@Module({
  controllers: [PublicController, PublicObjectionsController, HouseholdPayoutsController],
  providers: [ChainService, ObjectionLimiter],
  exports: [ChainService],
})
export class ChainModule {}
