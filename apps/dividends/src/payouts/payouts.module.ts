import { Module } from '@nestjs/common';
import { ChainModule } from '../chain/chain.module';
import { DistributionsModule } from '../distributions/distributions.module';
import { PayoutsController } from './payouts.controller';
import { PayoutsService } from './payouts.service';

/** Payout batches, bank files and confirmations. */
@Module({
  imports: [DistributionsModule, ChainModule],
  controllers: [PayoutsController],
  providers: [PayoutsService],
})
export class PayoutsModule {}
