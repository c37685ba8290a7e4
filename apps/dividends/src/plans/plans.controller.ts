import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  COOPERATIVE_DIVIDEND_PLAN,
  PV_DIFFERENTIATED_PLAN,
  savePlanBodySchema,
  type SavePlanBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { KEEPERS, READERS } from '../entities/entities.controller';
import { PlansService } from './plans.service';

@ApiTags('plans 分配方案')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('plan-templates')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Ready-made plans: PV differentiated (光伏差异化分配), cooperative 55/30/15' })
  templates() {
    return { pvDifferentiated: PV_DIFFERENTIATED_PLAN, cooperativeDividend: COOPERATIVE_DIVIDEND_PLAN };
  }

  @Get('entities/:id/plans')
  @Roles(...READERS)
  @ApiOperation({ summary: "The entity's plans with every version" })
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.plans.list(principal, id);
  }

  @Post('entities/:id/plans')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Create a plan (version 1)' })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(savePlanBodySchema)) body: SavePlanBody,
  ) {
    return this.plans.create(ctx, id, body);
  }

  @Get('plans/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One plan with every version' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.plans.get(principal, id);
  }

  @Put('plans/:id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Save a new version of a plan (earlier versions stay as they were)' })
  save(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(savePlanBodySchema)) body: SavePlanBody,
  ) {
    return this.plans.saveVersion(ctx, id, body);
  }
}
