import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  ledgerCountyCodeSchema,
  runExpiryBodySchema,
  setExpiryPolicyBodySchema,
  type ExpiryPolicyView,
  type ExpiryRunView,
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
  @ApiOperation({ summary: 'The county’s points expiry policy (404 when none is set)' })
  policy(
    @CurrentPrincipal() p: Principal,
    @Param('code', CountyCodePipe) code: string,
  ): Promise<ExpiryPolicyView> {
    return this.expiry.policy(p, code);
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
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'The county’s latest 100 expiry runs' })
  runs(
    @CurrentPrincipal() p: Principal,
    @Param('code', CountyCodePipe) code: string,
  ): Promise<ExpiryRunView[]> {
    return this.expiry.runs(p, code);
  }
}
