import { Module } from '@nestjs/common';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';

/** Kiosk redemptions (兑换) and same-day voids. */
@Module({ controllers: [RedemptionsController], providers: [RedemptionsService] })
export class RedemptionsModule {}
