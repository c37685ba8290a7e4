import { Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fupin/auth';
import {
  consumptionAidExportQuerySchema,
  paginationQuerySchema,
  type ConsumptionAidExportQuery,
  type ConsumptionAidLedgerView,
  type Paginated,
  type PaginationQuery,
  type SettlementSummary,
  type SettlementView,
} from '@fupin/contracts';
import { ApiIdempotencyKey, IdempotencyKey, ZodValidationPipe } from '@fupin/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { SettlementService } from './settlement.service';

const bankFileQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

@ApiTags('settlement 结算与台账')
@ApiBearerAuth()
@Controller()
export class SettlementController {
  constructor(private readonly settlement: SettlementService) {}

  @Post('settlements')
  @Roles('county_admin')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Settle every accepted, unsettled sale into a payout batch; publishes market.sale.settled',
  })
  run(@Ctx() ctx: RequestContext, @IdempotencyKey() key: string): Promise<SettlementView> {
    return this.settlement.run(ctx, key);
  }

  @Get('settlements')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'Settlement runs, newest first, a page at a time' })
  list(
    @Query(new ZodValidationPipe(paginationQuerySchema)) query: PaginationQuery,
  ): Promise<Paginated<SettlementSummary>> {
    return this.settlement.list(query);
  }

  @Get('settlements/:id')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'A payout batch with one line per household' })
  get(@Param('id', UuidPipe) id: string): Promise<SettlementView> {
    return this.settlement.get(id);
  }

  @Get('settlements/:id/bank-file')
  @Roles('county_admin', 'auditor')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiOperation({
    summary: 'The bank file of a payout batch (CSV or Excel), one line per household and a total',
  })
  async bankFile(
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(bankFileQuerySchema)) query: { format: 'csv' | 'xlsx' },
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const xlsx = query.format === 'xlsx';
    const body = xlsx ? await this.settlement.bankFileXlsx(id) : await this.settlement.bankFileCsv(id);
    res.set({
      'Content-Type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="payouts-${id}.${query.format}"`,
    });
    return new StreamableFile(body);
  }

  @Get('consumption-aid-ledger')
  @Roles('county_admin', 'auditor')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'] })
  @ApiOperation({
    summary:
      '消费扶贫台账: accepted sales by work unit, village or household, for a year; JSON, CSV or Excel',
  })
  async ledger(
    @Query(new ZodValidationPipe(consumptionAidExportQuerySchema)) query: ConsumptionAidExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsumptionAidLedgerView | StreamableFile> {
    if (query.format === 'json') return this.settlement.ledger(query);
    const xlsx = query.format === 'xlsx';
    res.set({
      'Content-Type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="consumption-aid-${query.groupBy}${query.year ? `-${query.year}` : ''}.${query.format}"`,
    });
    return new StreamableFile(await this.settlement.ledgerFile(query));
  }
}
