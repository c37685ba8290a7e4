import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import {
  createRegionBodySchema,
  regionListQuerySchema,
  renameRegionBodySchema,
  STAFF_ROLES,
  type CreateRegionBody,
  type Paginated,
  type RegionListQuery,
  type RegionView,
  type RenameRegionBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { RegionCodePipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { RegionsService } from './regions.service';

@ApiTags('regions 区划')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'List regions (filter by parent, level, name)' })
  list(
    @Query(new ZodValidationPipe(regionListQuerySchema)) query: RegionListQuery,
  ): Promise<Paginated<RegionView>> {
    return this.regions.list(query);
  }

  @Get(':code')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One region with its path from the county' })
  get(@Param('code', RegionCodePipe) code: string): Promise<RegionView> {
    return this.regions.get(code);
  }

  @Post()
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Create a town, village or villager group inside your region' })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createRegionBodySchema)) body: CreateRegionBody,
  ): Promise<RegionView> {
    return this.regions.create(ctx, body);
  }

  @Patch(':code')
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Rename a region inside your region' })
  rename(
    @Ctx() ctx: RequestContext,
    @Param('code', RegionCodePipe) code: string,
    @Body(new ZodValidationPipe(renameRegionBodySchema)) body: RenameRegionBody,
  ): Promise<RegionView> {
    return this.regions.rename(ctx, code, body.name);
  }
}
