import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fupin/auth';
import { DomainException } from '@fupin/service-kit';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { OrdersService } from '../orders/orders.service';
import { StripeGateway } from './stripe-gateway';

/** Stripe's webhook deliveries, verified by signature; a replayed event id changes nothing. */
@ApiTags('payments 支付')
@Controller('payments/stripe')
export class WebhookController {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly orders: OrdersService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('webhook')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Stripe webhook (Stripe-Signature verified with STRIPE_WEBHOOK_SECRET)' })
  async webhook(
    @Body() body: unknown,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; duplicate: boolean }> {
    let event: Stripe.Event;
    try {
      if (!Buffer.isBuffer(body) || !signature) throw new Error('missing raw body or signature');
      event = this.gateway.verify(body, signature);
    } catch {
      throw new DomainException(
        'PAYMENT_WEBHOOK_SIGNATURE',
        '签名无效 / Invalid webhook signature',
        HttpStatus.BAD_REQUEST,
      );
    }
    const [seen] = await this.dataSource.query('SELECT 1 FROM stripe_event WHERE id = $1', [event.id]);
    if (seen) return { received: true, duplicate: true };
    const object = event.data.object as {
      id: string;
      metadata?: Record<string, string>;
      last_payment_error?: { code?: string } | null;
    };
    const orderId = object.metadata?.orderId;
    if (orderId && /^[0-9a-f-]{36}$/.test(orderId)) {
      // Each effect is conditional on the order's status, so a race with the checkout path, or a
      // delivery retried after a failure here, is harmless.
      if (event.type === 'payment_intent.succeeded') await this.orders.markPaid(orderId, object.id);
      if (event.type === 'payment_intent.payment_failed') {
        await this.orders.failPayment(
          orderId,
          `webhook: ${object.last_payment_error?.code ?? 'payment_failed'}`,
          object.id,
        );
      }
      if (event.type === 'payment_intent.canceled') {
        await this.orders.failPayment(orderId, 'payment canceled', object.id);
      }
    }
    // Recorded only once its effects are done: a delivery that failed half-way is retried in full.
    await this.dataSource.query(
      'INSERT INTO stripe_event (id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [event.id, event.type],
    );
    return { received: true, duplicate: false };
  }
}
