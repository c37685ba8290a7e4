import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public, Roles } from '@fupin/auth';
import {
  addStockBodySchema,
  createProductBodySchema,
  productListQuerySchema,
  type AddStockBody,
  type CreateProductBody,
  type Paginated,
  type ProductFacetsView,
  type ProductListQuery,
  type ProductView,
  type TraceView,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { CatalogueService } from './catalogue.service';

const TraceCodePipe = new ZodValidationPipe(
  z.string().regex(/^[A-Za-z0-9-]{3,40}$/, { error: '溯源码格式不对 / Not a trace code' }),
);

@ApiTags('catalogue 四统一商品')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('products')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Browse products (search by name or SKU, filter by category)' })
  list(
    @Query(new ZodValidationPipe(productListQuerySchema)) query: ProductListQuery,
  ): Promise<Paginated<ProductView>> {
    return this.catalogue.list(query);
  }

  @Get('product-facets')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Categories and origin villages of the catalogue, with product counts' })
  facets(): Promise<ProductFacetsView> {
    return this.catalogue.facets();
  }

  @Get('products/:id')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One product with the boxes available' })
  get(@Param('id', UuidPipe) id: string): Promise<ProductView> {
    return this.catalogue.get(id);
  }

  @Post('products')
  @Roles('supermarket_staff', 'county_admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a product under 四统一 (name, spec, package, retail price)' })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createProductBodySchema)) body: CreateProductBody,
  ): Promise<ProductView> {
    return this.catalogue.create(ctx, body);
  }

  @Post('products/:id/stock')
  @Roles('supermarket_staff')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Stock boxes packed from a lot that arrived at your county supermarket' })
  addStock(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(addStockBodySchema)) body: AddStockBody,
  ): Promise<ProductView> {
    return this.catalogue.addStock(ctx, id, body);
  }

  @Get('trace/:code')
  @Public()
  @ApiOperation({
    summary:
      'Public trace data (溯源) for a product SKU or a lot trace code: villages, households (masked), price paid',
  })
  trace(@Param('code', TraceCodePipe) code: string): Promise<TraceView> {
    return this.catalogue.trace(code);
  }
}
