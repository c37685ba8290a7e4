import { Module } from '@nestjs/common';
import { IncomeController } from './income.controller';
import { IncomeService } from './income.service';

/** Income declarations (收益申报): cooperative profit, collective company profit, loan-enterprise dividends, PV grid settlements, county supermarket profit. */
@Module({ controllers: [IncomeController], providers: [IncomeService] })
export class IncomeModule {}
