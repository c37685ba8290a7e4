import { Module } from '@nestjs/common';
import { LotsService } from './lots.service';
import { ProcurementListsService } from './procurement-lists.service';
import { ProcurementController } from './procurement.controller';
import { ProcurementService } from './procurement.service';

/** 收购: purchases from households, lots with trace codes, transfers up the network. */
@Module({
  controllers: [ProcurementController],
  providers: [ProcurementService, LotsService, ProcurementListsService],
})
export class ProcurementModule {}
