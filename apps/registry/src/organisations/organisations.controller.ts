import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  createOrganisationBodySchema,
  organisationListQuerySchema,
  STAFF_ROLES,
  updateOrganisationBodySchema,
  type CreateOrganisationBody,
  type OrganisationListQuery,
  type OrganisationView,
  type Paginated,
  type UpdateOrganisationBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations 机构')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'List organisations in your region (filter by type, region, name, active)' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(organisationListQuerySchema)) query: OrganisationListQuery,
  ): Promise<Paginated<OrganisationView>> {
    return this.organisations.list(principal, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One organisation' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<OrganisationView> {
    return this.organisations.getVisible(principal, id);
  }

  @Post()
  @Roles('county_admin', 'town_admin')
  @ApiOperation({
    summary: 'Register an organisation in your region; publishes registry.organisation.created',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createOrganisationBodySchema)) body: CreateOrganisationBody,
  ): Promise<OrganisationView> {
    return this.organisations.create(ctx, body);
  }

  @Patch(':id')
  @Roles('county_admin', 'town_admin')
  @ApiOperation({ summary: 'Rename, change contact, (de)activate; publishes registry.organisation.updated' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(updateOrganisationBodySchema)) body: UpdateOrganisationBody,
  ): Promise<OrganisationView> {
    return this.organisations.update(ctx, id, body);
  }
}
