import { Module } from '@nestjs/common';
import { StoresController } from './stores.controller';
import { StoresService } from './stores.service';

/** Love supermarkets (爱心超市): goods, stock ledger, donations, purchases, adjustments. */
@Module({ controllers: [StoresController], providers: [StoresService] })
export class StoresModule {}
