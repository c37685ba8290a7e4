import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@fupin/auth';
import {
  allocateFundBodySchema,
  FUND_KINDS,
  paginationQuerySchema,
  registerFundSourceBodySchema,
  type AllocateFundBody,
  type PaginationQuery,
  type RegisterFundSourceBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { z } from 'zod';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { FundSourcesService } from './fund-sources.service';
import { FundsService } from './funds.service';

const sourceListQuerySchema = paginationQuerySchema.extend({
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县级区划代码为 6 位 / a county code has 6 digits')
    .optional(),
  kind: z.enum([...FUND_KINDS, 'dividend']).optional(),
});
type SourceListQuery = z.output<typeof sourceListQuerySchema>;

const FUND_READERS = ['county_admin', 'town_admin', 'village_admin', 'auditor'] as const;

@ApiTags('funds 三级三账')
@ApiBearerAuth()
@Controller()
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly sources: FundSourcesService,
  ) {}

  @Get('funds/sources')
  @Roles(...FUND_READERS)
  @ApiOperation({ summary: 'The fund sources of your county (newest first), with what reached households' })
  listSources(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(sourceListQuerySchema)) query: SourceListQuery,
  ) {
    return this.sources.list(principal, query);
  }

  @Get('public/funds/sources')
  @Public()
  @ApiOperation({
    summary: 'Public query (公开查询): fund sources, newest first, with what reached households',
  })
  publicListSources(@Query(new ZodValidationPipe(sourceListQuerySchema)) query: SourceListQuery) {
    return this.sources.list(undefined, query);
  }

  @Post('funds/sources')
  @Roles('county_admin')
  @ApiOperation({
    summary: 'Register money received by the county (a fund source) into one of the three accounts',
  })
  registerSource(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(registerFundSourceBodySchema)) body: RegisterFundSourceBody,
  ) {
    return this.funds.registerSource(ctx, body);
  }

  @Post('funds/flows')
  @Roles('county_admin', 'town_admin', 'village_admin')
  @ApiOperation({
    summary: 'Allocate part of an earlier flow: one level down, to a village project, or to a household',
  })
  allocate(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(allocateFundBodySchema)) body: AllocateFundBody,
  ) {
    return this.funds.allocate(ctx, body);
  }

  @Get('funds/sources/:id/flows')
  @Roles(...FUND_READERS)
  @ApiOperation({ summary: 'Where the money went: every flow from a source down to projects and households' })
  trace(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.funds.traceSource(principal, id);
  }

  @Get('funds/flows/:id/households')
  @Roles(...FUND_READERS)
  @ApiOperation({ summary: 'One page of the households an account paid (the largest first), with names' })
  householdsUnder(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(paginationQuerySchema)) query: PaginationQuery,
  ) {
    return this.funds.householdsUnder(principal, id, query);
  }

  @Get('funds/flows/:id/households.csv')
  @Roles(...FUND_READERS)
  @ApiOperation({
    summary: 'Every household an account paid, as CSV (streamed; a dividend can pay millions)',
  })
  async householdsUnderCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Res() res: Response,
  ) {
    await this.funds.householdsUnderCsv(principal, id, () => {
      // Only once the account is found and in scope: a refusal is still a JSON error with its status.
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="fund-flow-${id}-households.csv"`);
      return res;
    });
  }

  @Get('public/funds/flows/:id/households')
  @Public()
  @ApiOperation({
    summary: 'Public query (公开查询): one page of the households an account paid, names masked',
  })
  publicHouseholdsUnder(
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(paginationQuerySchema)) query: PaginationQuery,
  ) {
    return this.funds.householdsUnder(undefined, id, query, true);
  }

  @Get('funds/households/:id/origins')
  @Roles(...FUND_READERS)
  @ApiOperation({ summary: "Where a household's fund money came from: each payment's path up to its source" })
  origins(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.funds.householdOrigins(principal, id);
  }

  @Get('funds/accounts')
  @Roles(...FUND_READERS)
  @ApiOperation({ summary: 'Balances of the county / town / village fund accounts in your region' })
  balances(@CurrentPrincipal() principal: Principal) {
    return this.funds.balances(principal);
  }

  @Get('public/funds/sources/:id/flows')
  @Public()
  @ApiOperation({ summary: 'Public query (公开查询): where a source’s money went, household names masked' })
  publicTrace(@Param('id', UuidPipe) id: string) {
    return this.funds.traceSource(undefined, id, true);
  }
}
