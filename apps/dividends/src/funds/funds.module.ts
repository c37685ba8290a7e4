import { Module } from '@nestjs/common';
import { FundsController } from './funds.controller';
import { FundSourcesService } from './fund-sources.service';
import { FundsService } from './funds.service';

/** 一账一平台, 三级三账: the fund-flow ledger. */
@Module({ controllers: [FundsController], providers: [FundsService, FundSourcesService] })
export class FundsModule {}
