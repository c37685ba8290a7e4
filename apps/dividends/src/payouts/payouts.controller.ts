import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  bankConfirmationsBodySchema,
  payoutBankFileQuerySchema,
  retryPayoutBodySchema,
  type BankConfirmationsBody,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import type { Response } from 'express';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { READERS } from '../entities/entities.controller';
import { bankFileCsv, bankFileXlsx } from './bank-file';
import { PayoutsService } from './payouts.service';

/** The entity's accountant and the county office (which manages the funds) handle bank files. */
const PAYERS = ['coop_accountant', 'county_admin'] as const;

@ApiTags('payouts 代发')
@ApiBearerAuth()
@Controller()
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Get('distributions/:id/payouts')
  @Roles(...READERS)
  @ApiOperation({ summary: "A distribution's payout batches and payouts with their status" })
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.payouts.listForDistribution(principal, id);
  }

  @Post('distributions/:id/payout-batches')
  @Roles(...PAYERS)
  @ApiOperation({ summary: 'Put retried payouts into a new batch (linked into the hash chain)' })
  newBatch(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.payouts.newBatch(ctx, id);
  }

  @Get('payout-batches/:id/bank-file')
  @Roles(...PAYERS)
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiOperation({
    summary: 'The bank file of a batch (CSV or Excel): masked account + household number per line',
  })
  async bankFile(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(payoutBankFileQuerySchema)) query: { format: 'csv' | 'xlsx' },
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { title, lines } = await this.payouts.bankFileLines(principal, id);
    const xlsx = query.format === 'xlsx';
    res.set({
      'Content-Type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="payout-batch-${id}.${query.format}"`,
    });
    return new StreamableFile(xlsx ? await bankFileXlsx(lines, title) : bankFileCsv(lines));
  }

  @Post('payout-batches/:id/confirmations')
  @HttpCode(200)
  @Roles(...PAYERS)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      "Import the bank's confirmations (paid / failed per line); all or nothing, a replay changes nothing",
  })
  confirm(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(bankConfirmationsBodySchema)) body: BankConfirmationsBody,
    @IdempotencyKey() key: string,
  ) {
    return this.payouts.confirm(ctx, id, body, key);
  }

  @Post('payouts/:id/retry')
  @Roles(...PAYERS)
  @ApiOperation({
    summary: 'Queue a failed payout again, with a reason (uses the bank account the registry holds now)',
  })
  retry(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(retryPayoutBodySchema)) body: { reason: string },
  ) {
    return this.payouts.retry(ctx, id, body.reason);
  }
}
