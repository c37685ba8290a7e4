import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { FulfilmentController } from './fulfilment.controller';
import { FulfilmentService } from './fulfilment.service';

/** Picking and packing for the county supermarket, and what a buyer's purchases did. */
@Module({
  imports: [OrdersModule],
  controllers: [FulfilmentController],
  providers: [FulfilmentService],
})
export class FulfilmentModule {}
