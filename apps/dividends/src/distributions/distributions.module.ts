import { Module } from '@nestjs/common';
import { ChainModule } from '../chain/chain.module';
import { PlansModule } from '../plans/plans.module';
import { ApprovalAndPostingService } from './approval-and-posting.service';
import { DistributionsController } from './distributions.controller';
import { DistributionsService } from './distributions.service';

/** Distributions: dry run → notice → approval → posting. */
@Module({
  imports: [PlansModule, ChainModule],
  controllers: [DistributionsController],
  providers: [DistributionsService, ApprovalAndPostingService],
  exports: [DistributionsService],
})
export class DistributionsModule {}
