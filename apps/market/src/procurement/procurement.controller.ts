import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import {
  createPurchaseBodySchema,
  createTransferBodySchema,
  lotListQuerySchema,
  mergeLotsBodySchema,
  splitLotBodySchema,
  receiveTransferBodySchema,
  transferListQuerySchema,
  type CreatePurchaseBody,
  type CreateTransferBody,
  type LotListQuery,
  type LotSummary,
  type LotView,
  type MergeLotsBody,
  type Paginated,
  type SplitLotBody,
  type PurchaseView,
  type ReceiveTransferBody,
  type TransferListItem,
  type TransferListQuery,
  type TransferView,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { LotsService } from './lots.service';
import { ProcurementListsService } from './procurement-lists.service';
import { ProcurementService } from './procurement.service';

@ApiTags('procurement 收购与批次')
@ApiBearerAuth()
@Controller()
export class ProcurementController {
  constructor(
    private readonly procurement: ProcurementService,
    private readonly lots: LotsService,
    private readonly lists: ProcurementListsService,
  ) {}

  @Post('purchases')
  @Roles('collector')
  @ApiOperation({
    summary:
      'Buy produce from a household at your collection point; creates a lot; publishes market.produce.procured',
  })
  purchase(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createPurchaseBodySchema)) body: CreatePurchaseBody,
  ): Promise<PurchaseView> {
    return this.procurement.purchase(ctx, body);
  }

  @Get('purchases')
  @Roles('collector', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'Latest purchases (a collector sees its own collection point)' })
  purchases(@Ctx() ctx: RequestContext): Promise<PurchaseView[]> {
    return this.procurement.listPurchases(ctx);
  }

  @Get('lots')
  @Roles('collector', 'supermarket_staff', 'county_admin', 'auditor')
  @ApiOperation({
    summary:
      'Lots at your organisation, newest first, a page at a time, by status and produce (county staff and auditors: any, or ?location=)',
  })
  lotList(
    @Ctx() ctx: RequestContext,
    @Query(new ZodValidationPipe(lotListQuerySchema)) query: LotListQuery,
  ): Promise<Paginated<LotSummary>> {
    return this.lists.lots(ctx, query);
  }

  @Get('lots/:id')
  @Roles('collector', 'supermarket_staff', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'One lot with its lineage and households' })
  lot(@Param('id', UuidPipe) id: string): Promise<LotView> {
    return this.procurement.getLot(id);
  }

  @Post('lots/:id/split')
  @Roles('collector', 'supermarket_staff')
  @ApiOperation({
    summary:
      'Split a lot at your organisation into parts by weight; each part keeps its lineage and households',
  })
  split(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(splitLotBodySchema)) body: SplitLotBody,
  ): Promise<LotView[]> {
    return this.lots.split(ctx, id, body);
  }

  @Post('lots/merge')
  @Roles('collector', 'supermarket_staff')
  @ApiOperation({
    summary: 'Merge lots of one produce and grade at your organisation; the new lot keeps every source',
  })
  merge(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(mergeLotsBodySchema)) body: MergeLotsBody,
  ): Promise<LotView> {
    return this.lots.merge(ctx, body);
  }

  @Post('transfers')
  @Roles('collector', 'supermarket_staff')
  @ApiOperation({
    summary: 'Send a lot from your organisation to the next level (station, then county supermarket)',
  })
  send(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createTransferBodySchema)) body: CreateTransferBody,
  ): Promise<TransferView> {
    return this.procurement.send(ctx, body);
  }

  @Get('transfers')
  @Roles('collector', 'supermarket_staff', 'county_admin', 'auditor')
  @ApiOperation({
    summary:
      'Transfers to (incoming) or from (outgoing) your organisation, by status, newest first, a page at a time (county staff and auditors: all, or ?organisation=)',
  })
  transferList(
    @Ctx() ctx: RequestContext,
    @Query(new ZodValidationPipe(transferListQuerySchema)) query: TransferListQuery,
  ): Promise<Paginated<TransferListItem>> {
    return this.lists.transfers(ctx, query);
  }

  @Post('transfers/:id/receive')
  @Roles('collector', 'supermarket_staff')
  @ApiOperation({ summary: 'Receive a transfer at your organisation, with any loss and its reason' })
  receive(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(receiveTransferBodySchema)) body: ReceiveTransferBody,
  ): Promise<TransferView> {
    return this.procurement.receive(ctx, id, body);
  }
}
