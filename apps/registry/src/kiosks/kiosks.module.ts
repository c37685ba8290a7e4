import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module';
import { HouseholdAuthController } from './household-auth.controller';
import { KioskAuthController } from './kiosk-auth.controller';
import { KioskSessionsService } from './kiosk-sessions.service';
import { KiosksController } from './kiosks.controller';
import { KiosksService } from './kiosks.service';
import { SignInBrake } from './sign-in-brake';

/** Kiosk devices at love supermarkets, villagers' card + PIN sessions on them, and households' own web sign-in. */
@Module({
  imports: [HouseholdsModule],
  controllers: [KiosksController, KioskAuthController, HouseholdAuthController],
  providers: [KiosksService, KioskSessionsService, SignInBrake],
  exports: [KiosksService],
})
export class KiosksModule {}
