import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  expiryRunsQuerySchema,
  ledgerCountyCodeSchema,
  runExpiryBodySchema,
  setExpiryPolicyBodySchema,
  type ExpiryPolicyView,
  type ExpiryRunsQuery,
  type ExpiryRunView,
  type Paginated,
  type RunExpiryBody,
  type SetExpiryPolicyBody,
} from '@fupin/contracts';
import {
  ApiIdempotencyKey,
  Ctx,
  IdempotencyKey,
  ZodValidationPipe,
  type RequestContext,
} from '@fupin/service-kit';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { POINTS_READERS } from '../accounts/accounts.controller';
import { idempotentCommand } from '../common/idempotent-command';
import { PointsExpiryService } from './points-expiry.service';

const CountyCodePipe = new ZodValidationPipe(ledgerCountyCodeSchema);

@ApiTags('points expiry 积分过期')
@ApiBearerAuth()
@Controller()
export class PointsExpiryController {
  constructor(
    private readonly expiry: PointsExpiryService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('counties/:code/expiry-policy')
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'The county’s points expiry policy, or JSON null while none is set' })
  @ApiOkResponse({ description: 'The policy, or the body `null` when the county has set none' })
  async policy(
    @CurrentPrincipal() p: Principal,
    @Param('code', CountyCodePipe) code: string,
    @Res() res: Response,
  ): Promise<void> {
    // Nest answers a returned null with an empty body, which clients cannot parse as JSON; "none
    // set" must reach them as the JSON body `null`, so this handler writes its answer itself.
    res.json(await this.expiry.policy(p, code));
  }

  @Put('counties/:code/expiry-policy')
  @Roles('county_admin')
  @ApiOperation({ summary: 'Set the county’s expiry policy: on/off, months, effective date (audited)' })
  setPolicy(
    @Ctx() ctx: RequestContext,
    @Param('code', CountyCodePipe) code: string,
    @Body(new ZodValidationPipe(setExpiryPolicyBodySchema)) body: SetExpiryPolicyBody,
  ): Promise<ExpiryPolicyView> {
    return this.expiry.setPolicy(ctx, code, body);
  }

  @Post('counties/:code/expiry-runs')
  @HttpCode(200)
  @Roles('county_admin')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Expire the county’s old points for a day (default today): one entry, once per day',
  })
  run(
    @Ctx() ctx: RequestContext,
    @IdempotencyKey() key: string,
    @Param('code', CountyCodePipe) code: string,
    @Body(new ZodValidationPipe(runExpiryBodySchema)) body: RunExpiryBody,
  ): Promise<ExpiryRunView> {
    return idempotentCommand(this.dataSource, ctx, key, `POST /counties/${code}/expiry-runs`, body, (m) =>
      this.expiry.runByHand(ctx, m, code, body.runDate),
    );
  }

  @Get('counties/:code/expiry-runs')
  @Roles('county_admin', 'town_admin', 'village_admin', 'auditor')
  @ApiOperation({
    summary: 'The county’s expiry runs, latest day first, a page at a time (?page=&pageSize=)',
  })
  runs(
    @CurrentPrincipal() p: Principal,
    @Param('code', CountyCodePipe) code: string,
    @Query(new ZodValidationPipe(expiryRunsQuerySchema)) query: ExpiryRunsQuery,
  ): Promise<Paginated<ExpiryRunView>> {
    return this.expiry.runs(p, code, query);
  }
}
