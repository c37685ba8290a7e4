import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module';
import { KioskAuthController } from './kiosk-auth.controller';
import { KioskSessionsService } from './kiosk-sessions.service';
import { KiosksController } from './kiosks.controller';
import { KiosksService } from './kiosks.service';

/** Kiosk devices at love supermarkets and villagers' card + PIN sessions on them. */
@Module({
  imports: [HouseholdsModule],
  controllers: [KiosksController, KioskAuthController],
  providers: [KiosksService, KioskSessionsService],
  exports: [KiosksService],
})
export class KiosksModule {}
