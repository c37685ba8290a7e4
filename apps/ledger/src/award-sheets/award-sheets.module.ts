import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { AwardSheetsController } from './award-sheets.controller';
import { AwardSheetsService } from './award-sheets.service';

/** Monthly award sheets: draft, public notice (公示), objections, approval and posting. */
@Module({ imports: [RulesModule], controllers: [AwardSheetsController], providers: [AwardSheetsService] })
export class AwardSheetsModule {}
