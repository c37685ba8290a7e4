import { Module } from '@nestjs/common';
import { RawWebhookBody } from '../payments/raw-webhook-body';
import { WebhookController } from '../payments/webhook.controller';
import { AllowanceService } from './allowance.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** Allowances, checkout, card payments (Stripe) and the order lifecycle. */
@Module({
  controllers: [OrdersController, WebhookController],
  providers: [AllowanceService, OrdersService, OrderLifecycleService, RawWebhookBody],
  exports: [OrdersService],
})
export class OrdersModule {}
