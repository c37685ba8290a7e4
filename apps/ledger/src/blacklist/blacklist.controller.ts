import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  proposeBlacklistBodySchema,
  type BlacklistEntryView,
  type ProposeBlacklistBody,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe, VillageCodePipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { BlacklistService } from './blacklist.service';

@ApiTags('blacklist 黑名单')
@ApiBearerAuth()
@Controller()
export class BlacklistController {
  constructor(private readonly blacklist: BlacklistService) {}

  @Post('blacklist')
  @Roles('village_admin')
  @ApiOperation({ summary: 'Propose a household for the blacklist (红十条) with reason and period' })
  propose(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(proposeBlacklistBodySchema)) body: ProposeBlacklistBody,
  ): Promise<BlacklistEntryView> {
    return this.blacklist.propose(ctx, body);
  }

  @Post('blacklist/:id/approve')
  @HttpCode(200)
  @Roles('town_admin', 'county_admin')
  @ApiOperation({ summary: 'Approve a proposal: from its start date the household earns no awards' })
  approve(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<BlacklistEntryView> {
    return this.blacklist.decide(ctx, id, 'active');
  }

  @Post('blacklist/:id/revoke')
  @HttpCode(200)
  @Roles('town_admin', 'county_admin')
  @ApiOperation({ summary: 'Revoke a proposal or an active entry' })
  revoke(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<BlacklistEntryView> {
    return this.blacklist.decide(ctx, id, 'revoked');
  }

  @Get('villages/:code/blacklist')
  @Roles('village_admin', 'town_admin', 'county_admin', 'auditor')
  @ApiOperation({ summary: 'A village’s blacklist entries' })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('code', VillageCodePipe) code: string,
  ): Promise<BlacklistEntryView[]> {
    return this.blacklist.list(p, code);
  }
}
