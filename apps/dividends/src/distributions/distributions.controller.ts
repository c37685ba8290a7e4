import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  approveDistributionBodySchema,
  createDistributionBodySchema,
  paginationQuerySchema,
  publishDistributionNoticeBodySchema,
  recordDistributionObjectionBodySchema,
  resolveDistributionObjectionBodySchema,
  revokeApprovalBodySchema,
  type ApproveDistributionBody,
  type CreateDistributionBody,
  type PaginationQuery,
  type PublishDistributionNoticeBody,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { KEEPERS, READERS } from '../entities/entities.controller';
import { ApprovalAndPostingService } from './approval-and-posting.service';
import { DistributionsService } from './distributions.service';

/** Village, town and county administrators approve; the entity's accountant cannot approve its own plan. */
const APPROVERS = ['village_admin', 'town_admin', 'county_admin'] as const;

@ApiTags('distributions 分红分配')
@ApiBearerAuth()
@Controller()
export class DistributionsController {
  constructor(
    private readonly distributions: DistributionsService,
    private readonly pipeline: ApprovalAndPostingService,
  ) {}

  @Get('entities/:id/distributions')
  @Roles(...READERS)
  @ApiOperation({ summary: "The entity's distributions" })
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.distributions.list(principal, id);
  }

  @Post('entities/:id/distributions')
  @Roles(...KEEPERS)
  @ApiOperation({
    summary: 'Dry run: apply a plan version to declared income; every household amount explained',
  })
  dryRun(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(createDistributionBodySchema)) body: CreateDistributionBody,
  ) {
    return this.distributions.dryRun(ctx, id, body);
  }

  @Get('distributions/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A distribution with totals, notice, approval and objections' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.distributions.inScope(principal, id);
  }

  @Get('distributions/:id/lines')
  @Roles(...READERS)
  @ApiOperation({ summary: "Every household's amount and how it was computed (paged)" })
  lines(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(paginationQuerySchema)) query: PaginationQuery,
  ) {
    return this.distributions.lines(principal, id, query);
  }

  @Delete('distributions/:id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Discard a dry run (before its notice); its income declarations are freed' })
  discard(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.distributions.discard(ctx, id);
  }

  @Post('distributions/:id/notice')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Publish the public notice (公示, at least 10 days); linked into the hash chain' })
  publishNotice(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(publishDistributionNoticeBodySchema)) body: PublishDistributionNoticeBody,
  ) {
    return this.distributions.publishNotice(ctx, id, body);
  }

  @Post('distributions/:id/objections')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'Record an objection raised during the notice' })
  recordObjection(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(recordDistributionObjectionBodySchema))
    body: { raisedBy: string; text: string },
  ) {
    return this.distributions.recordObjection(ctx, id, body);
  }

  @Post('distributions/:id/objections/:objectionId/resolution')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Resolve an objection' })
  resolveObjection(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('objectionId', UuidPipe) objectionId: string,
    @Body(new ZodValidationPipe(resolveDistributionObjectionBodySchema)) body: { resolution: string },
  ) {
    return this.distributions.resolveObjection(ctx, id, objectionId, body.resolution);
  }

  @Post('distributions/:id/approval')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Approve after the notice period, recording the village meeting (四议两公开)' })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(approveDistributionBodySchema)) body: ApproveDistributionBody,
    @IdempotencyKey() key: string,
  ) {
    return this.pipeline.approve(ctx, id, body, key);
  }

  @Post('distributions/:id/approval/revocation')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Revoke the approval before posting' })
  revoke(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(revokeApprovalBodySchema)) body: { reason: string },
  ) {
    return this.pipeline.revoke(ctx, id, body.reason);
  }

  @Post('distributions/:id/posting')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'Post an approved distribution to the payout ledger and create its payout batch (all or nothing)',
  })
  post(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @IdempotencyKey() key: string) {
    return this.pipeline.post(ctx, id, key);
  }
}
