import { Module } from '@nestjs/common';
import { ExpiryScheduler } from './expiry-scheduler';
import { PointsExpiryController } from './points-expiry.controller';
import { PointsExpiryService } from './points-expiry.service';

/** Points expiry (积分过期): the county's policy, runs by hand and by the daily scheduler. */
@Module({
  controllers: [PointsExpiryController],
  providers: [PointsExpiryService, ExpiryScheduler],
  exports: [PointsExpiryService],
})
export class PointsExpiryModule {}
