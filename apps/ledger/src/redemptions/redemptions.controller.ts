import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  redeemBodySchema,
  voidRedemptionBodySchema,
  type RedeemBody,
  type RedemptionReceipt,
  type VoidRedemptionBody,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import { DataSource } from 'typeorm';
import { POINTS_READERS } from '../accounts/accounts.controller';
import { idempotentCommand } from '../common/idempotent-command';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { RedemptionsService } from './redemptions.service';

@ApiTags('redemptions 兑换')
@ApiBearerAuth()
@Controller()
export class RedemptionsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('redemptions')
  @HttpCode(201)
  @Roles('household')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Redeem a kiosk basket: points and stock together, or nothing (409 when short)' })
  redeem(
    @Ctx() ctx: RequestContext,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(redeemBodySchema)) body: RedeemBody,
  ): Promise<RedemptionReceipt> {
    return this.redemptions.redeem(ctx, key, body);
  }

  @Post('redemptions/:id/void')
  @HttpCode(200)
  @Roles('store_keeper')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Void a receipt on its day (store keeper): reversing entry, stock restored' })
  void(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(voidRedemptionBodySchema)) body: VoidRedemptionBody,
  ): Promise<RedemptionReceipt> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /redemptions/${id}/void`, body, (m) =>
      this.redemptions.void(ctx, m, id, body.reason),
    );
  }

  @Get('redemptions/:id')
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'One receipt (reprint)' })
  get(@CurrentPrincipal() p: Principal, @Param('id', UuidPipe) id: string): Promise<RedemptionReceipt> {
    return this.redemptions.get(p, id);
  }

  @Get('stores/:id/redemptions')
  @Roles(...POINTS_READERS)
  @ApiOperation({ summary: 'A store’s latest receipts (200), for the day close and voids' })
  list(@CurrentPrincipal() p: Principal, @Param('id', UuidPipe) id: string): Promise<RedemptionReceipt[]> {
    return this.redemptions.listForStore(p, id);
  }
}
