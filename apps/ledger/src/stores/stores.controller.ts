import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  createGoodsBodySchema,
  recordAdjustmentBodySchema,
  recordDonationBodySchema,
  recordPurchaseBodySchema,
  type CreateGoodsBody,
  type DonationReceipt,
  type GoodsView,
  type RecordAdjustmentBody,
  type RecordDonationBody,
  type RecordPurchaseBody,
  type StockMovementView,
  type StoreView,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import { DataSource } from 'typeorm';
import { POINTS_READERS } from '../accounts/accounts.controller';
import { idempotentCommand } from '../common/idempotent-command';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { StoresService } from './stores.service';

@ApiTags('stores 爱心超市')
@ApiBearerAuth()
@Controller('stores')
export class StoresController {
  constructor(
    private readonly stores: StoresService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'Love supermarkets in your scope (a keeper or kiosk session: its own)' })
  list(@CurrentPrincipal() p: Principal): Promise<StoreView[]> {
    return this.stores.listStores(p);
  }

  @Get(':id/goods')
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'Goods of a store with price in points and stock' })
  goods(@CurrentPrincipal() p: Principal, @Param('id', UuidPipe) id: string): Promise<GoodsView[]> {
    return this.stores.listGoods(p, id);
  }

  @Post(':id/goods')
  @Roles('store_keeper')
  @ApiOperation({
    summary: 'Add goods to your store (name, picture URL, unit, points price, low-stock threshold)',
  })
  createGoods(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(createGoodsBodySchema)) body: CreateGoodsBody,
  ): Promise<GoodsView> {
    return this.stores.createGoods(ctx, id, body);
  }

  @Post(':id/donations')
  @Roles('store_keeper')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Receive donated goods; answers the printable donor receipt' })
  donate(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(recordDonationBodySchema)) body: RecordDonationBody,
  ): Promise<DonationReceipt> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /stores/${id}/donations`, body, (m) =>
      this.stores.donate(ctx, m, id, body),
    );
  }

  @Post(':id/purchases')
  @Roles('store_keeper')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Receive bought goods into stock' })
  purchase(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(recordPurchaseBodySchema)) body: RecordPurchaseBody,
  ): Promise<GoodsView[]> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /stores/${id}/purchases`, body, (m) =>
      this.stores.purchase(ctx, m, id, body),
    );
  }

  @Post(':id/adjustments')
  @Roles('store_keeper')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Correct a stock count (breakage, counting) with a reason' })
  adjust(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodValidationPipe(recordAdjustmentBodySchema)) body: RecordAdjustmentBody,
  ): Promise<GoodsView> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /stores/${id}/adjustments`, body, (m) =>
      this.stores.adjust(ctx, m, id, body),
    );
  }

  @Get(':id/stock-movements')
  @Roles(...POINTS_READERS)
  @ApiOperation({ summary: 'The store’s stock ledger, newest first (last 500)' })
  movements(
    @CurrentPrincipal() p: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<StockMovementView[]> {
    return this.stores.movements(p, id);
  }
}
