import { Module } from '@nestjs/common';
import { SettlementController } from './settlement.controller';
import { SettlementService } from './settlement.service';

/** Producer settlement: payout batches and the consumption-aid ledger. */
@Module({ controllers: [SettlementController], providers: [SettlementService] })
export class SettlementModule {}
