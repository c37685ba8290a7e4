import { Module } from '@nestjs/common';
import { HouseholdPinService } from './household-pin.service';
import { HouseholdQueriesService } from './household-queries.service';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';

/** Households (建档立卡): members, classes, status, points card and PIN, history. */
@Module({
  controllers: [HouseholdsController],
  providers: [HouseholdsService, HouseholdQueriesService, HouseholdPinService],
  exports: [HouseholdsService, HouseholdQueriesService, HouseholdPinService],
})
export class HouseholdsModule {}
