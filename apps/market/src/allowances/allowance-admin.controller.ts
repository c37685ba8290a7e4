import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import {
  allowancePolicyBodySchema,
  workUnitAllowancesQuerySchema,
  type AllowanceExpiryResult,
  type AllowancePolicyBody,
  type WorkUnitAllowancesQuery,
  type WorkUnitAllowancesView,
} from '@fupin/contracts';
import { Ctx, ZodValidationPipe, type RequestContext } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { AllowanceAdminService } from './allowance-admin.service';

@ApiTags('allowances 补贴')
@ApiBearerAuth()
@Controller()
export class AllowanceAdminController {
  constructor(private readonly allowances: AllowanceAdminService) {}

  @Get('work-units/:id/allowances')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: "A work unit's allowance for a year: amount per employee, totals and wallets" })
  view(
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(workUnitAllowancesQuerySchema)) query: WorkUnitAllowancesQuery,
  ): Promise<WorkUnitAllowancesView> {
    return this.allowances.view(id, query);
  }

  @Put('work-units/:id/allowance-policy')
  @Roles('county_admin')
  @ApiOperation({
    summary: 'Set what each employee gets for a year; raising it tops up wallets already opened',
  })
  async setPolicy(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(allowancePolicyBodySchema)) body: AllowancePolicyBody,
  ): Promise<WorkUnitAllowancesView> {
    await this.allowances.setPolicy(ctx, id, body);
    return this.allowances.view(id, { year: body.year, page: 1, pageSize: 20 });
  }

  @Post('allowances/expire')
  @HttpCode(200)
  @Roles('county_admin')
  @ApiOperation({ summary: 'Year-end expiry of unspent allowances now (it also runs on its own)' })
  expire(@Ctx() ctx: RequestContext): Promise<AllowanceExpiryResult> {
    return this.allowances.expire(ctx);
  }
}
