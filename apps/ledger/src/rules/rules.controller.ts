import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import { createRuleSetBodySchema, type CreateRuleSetBody, type RuleSetView } from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe, VillageCodePipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { RulesService } from './rules.service';

@ApiTags('rules 积分标准')
@ApiBearerAuth()
@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Post('rule-sets')
  @Roles('village_admin', 'town_admin', 'county_admin')
  @ApiOperation({ summary: 'Publish a new version of a village’s points standard (积分标准)' })
  create(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createRuleSetBodySchema)) body: CreateRuleSetBody,
  ): Promise<RuleSetView> {
    return this.rules.create(ctx, body);
  }

  @Get('villages/:code/rule-sets')
  @Roles('village_admin', 'town_admin', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'Every version of a village’s points standard, newest first' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('code', VillageCodePipe) code: string,
  ): Promise<RuleSetView[]> {
    return this.rules.list(principal, code);
  }

  @Get('rule-sets/:id')
  @Roles('village_admin', 'town_admin', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'One version of a points standard with its items' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<RuleSetView> {
    return this.rules.get(principal, id);
  }
}
