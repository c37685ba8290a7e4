import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  cancelOrderBodySchema,
  checkoutBodySchema,
  orderRefundBodySchema,
  type AllowanceView,
  type CancelOrderBody,
  type CheckoutBody,
  type OrderRefundBody,
  type OrderView,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { AllowanceService } from './allowance.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrdersService } from './orders.service';

@ApiTags('orders 订单与补贴')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly allowance: AllowanceService,
  ) {}

  @Get('allowance')
  @Roles('buyer')
  @ApiOperation({ summary: 'Your welfare allowance this year (granted on first use), with its entries' })
  myAllowance(@CurrentPrincipal() principal: Principal): Promise<AllowanceView> {
    return this.allowance.view(principal);
  }

  @Post('checkout')
  @Roles('buyer')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'Reserve stock, pay from the allowance first and the rest by card; 402 ORDER_CARD_DECLINED releases everything',
  })
  checkout(
    @Ctx() ctx: RequestContext,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(checkoutBodySchema)) body: CheckoutBody,
  ): Promise<OrderView> {
    return this.orders.checkout(ctx, key, body);
  }

  @Get('orders')
  @Roles('buyer', 'supermarket_staff', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'Orders: a buyer sees only their own, staff see all' })
  list(@CurrentPrincipal() principal: Principal): Promise<OrderView[]> {
    return this.orders.list(principal);
  }

  @Get('orders/:id')
  @Roles('buyer', 'supermarket_staff', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'One order (another buyer’s order is 404)' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<OrderView> {
    return this.orders.viewFor(principal, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @Roles('buyer', 'supermarket_staff', 'county_admin')
  @ApiOperation({
    summary: 'Cancel a paid order before picking: card refunded, allowance returned, stock restored',
  })
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(cancelOrderBodySchema)) body: CancelOrderBody,
  ): Promise<OrderView> {
    return this.lifecycle.cancel(ctx, id, body.reason);
  }

  @Post('orders/:id/pick')
  @HttpCode(200)
  @Roles('supermarket_staff')
  @ApiOperation({ summary: 'Start picking a paid order (county supermarket)' })
  pick(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<OrderView> {
    return this.lifecycle.advance(ctx, id, 'picking');
  }

  @Post('orders/:id/ready')
  @HttpCode(200)
  @Roles('supermarket_staff')
  @ApiOperation({ summary: 'The order is packed: delivered to the work unit or ready for pickup' })
  ready(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<OrderView> {
    return this.lifecycle.advance(ctx, id, 'ready');
  }

  @Post('orders/:id/accept')
  @HttpCode(200)
  @Roles('buyer')
  @ApiOperation({
    summary: 'Accept the goods; attributes the sale to households; publishes market.order.accepted',
  })
  accept(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<OrderView> {
    return this.lifecycle.accept(ctx, id);
  }

  @Post('orders/:id/refunds')
  @Roles('supermarket_staff', 'county_admin')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Refund a problem after acceptance, with a reason (card first, then allowance)' })
  refund(
    @Ctx() ctx: RequestContext,
    @IdempotencyKey() key: string,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(orderRefundBodySchema)) body: OrderRefundBody,
  ): Promise<OrderView> {
    return this.lifecycle.refund(ctx, key, id, body);
  }
}
