import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  fulfilmentOrdersQuerySchema,
  packingListQuerySchema,
  pickingListQuerySchema,
  type BuyerImpactView,
  type FulfilmentOrdersQuery,
  type OrderView,
  type PackingListQuery,
  type PackingListView,
  type Paginated,
  type PickingListQuery,
  type PickingListView,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { FulfilmentService } from './fulfilment.service';

const STAFF = ['supermarket_staff', 'county_admin', 'auditor'] as const;

@ApiTags('fulfilment 订单履约')
@ApiBearerAuth()
@Controller()
export class FulfilmentController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Get('fulfilment/orders')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Orders by status and work unit, newest first, a page at a time' })
  orders(
    @Query(new ZodValidationPipe(fulfilmentOrdersQuerySchema)) query: FulfilmentOrdersQuery,
  ): Promise<Paginated<OrderView>> {
    return this.fulfilment.orderPage(query);
  }

  @Get('fulfilment/picking-list')
  @Roles(...STAFF)
  @ApiOperation({ summary: '拣货单: boxes to pick per product and lot for paid / picking orders' })
  pickingList(
    @Query(new ZodValidationPipe(pickingListQuerySchema)) query: PickingListQuery,
  ): Promise<PickingListView> {
    return this.fulfilment.pickingList(query);
  }

  @Get('fulfilment/packing-lists')
  @Roles(...STAFF)
  @ApiOperation({ summary: '装箱单: one per work unit, for orders being picked or ready' })
  packingLists(
    @Query(new ZodValidationPipe(packingListQuerySchema)) query: PackingListQuery,
  ): Promise<PackingListView> {
    return this.fulfilment.packingLists(query);
  }

  @Get('me/impact')
  @Roles('buyer')
  @ApiOperation({ summary: 'How many households in how many villages your purchases reached' })
  impact(@CurrentPrincipal() principal: Principal): Promise<BuyerImpactView> {
    return this.fulfilment.impact(principal.id);
  }
}
