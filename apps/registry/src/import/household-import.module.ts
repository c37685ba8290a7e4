import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module';
import { HouseholdImportController } from './household-import.controller';
import { HouseholdImportService } from './household-import.service';

/** Household import from county offices' sheets (CSV / .xlsx), all or nothing, with a downloadable template. */
@Module({
  imports: [HouseholdsModule],
  controllers: [HouseholdImportController],
  providers: [HouseholdImportService],
})
export class HouseholdImportModule {}
