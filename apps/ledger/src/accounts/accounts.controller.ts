import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertRegionInScope, CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  statementQuerySchema,
  villageReportQuerySchema,
  type LedgerTrialBalance,
  type PointsAccountView,
  type Role,
  type StatementQuery,
  type StoreBalanceReport,
  type VillageReportQuery,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { toCsv } from '../common/csv';
import { UuidPipe, VillageCodePipe } from '../common/params';
import { AccountsService } from './accounts.service';

/** Staff who read points accounts inside their scope. */
export const POINTS_READERS: [Role, ...Role[]] = [
  'county_admin',
  'town_admin',
  'village_admin',
  'store_keeper',
  'auditor',
];

@ApiTags('accounts 积分账户')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('accounts/households/:id')
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'A household’s points balance, pending points (under 公示) and blacklist flag' })
  account(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<PointsAccountView> {
    return this.accounts.account(principal, id);
  }

  @Get('accounts/households/:id/statement')
  @Roles(...POINTS_READERS, 'household')
  @ApiOperation({ summary: 'A household’s statement (every posting, newest first); ?format=csv exports it' })
  async statement(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(statementQuerySchema)) query: StatementQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format === 'csv') {
      const all = await this.accounts.statement(principal, id, 1, 100_000);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="statement-${id}.csv"`);
      return toCsv(
        [
          '凭证号 entry',
          '类型 kind',
          '积分 points',
          '事由 reason',
          '经办人 operator',
          '角色 role',
          '时间 time',
        ],
        all.items.map((l) => [
          l.entryNumber,
          l.kind,
          l.amount,
          l.reason,
          l.operatorId,
          l.operatorRole,
          l.occurredAt,
        ]),
      );
    }
    return this.accounts.statement(principal, id, query.page, query.pageSize);
  }

  @Get('accounts/trial-balance')
  @Roles('county_admin', 'auditor')
  @ApiOperation({ summary: 'Every balance against its journal legs; the sums must be equal (and zero)' })
  trialBalance(): Promise<LedgerTrialBalance> {
    return this.accounts.trialBalance();
  }

  @Get('reports/villages/:code/monthly')
  @Roles('county_admin', 'town_admin', 'village_admin', 'auditor')
  @ApiOperation({ summary: 'A village’s month: awarded, redeemed, balance per household; ?format=csv|xlsx' })
  async villageReport(
    @CurrentPrincipal() principal: Principal,
    @Param('code', VillageCodePipe) code: string,
    @Query(new ZodValidationPipe(villageReportQuerySchema)) query: VillageReportQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertRegionInScope(principal, code);
    const report = await this.accounts.villageReport(code, query.period);
    if (query.format === 'json') return report;
    const header = ['户编号 number', '户主 head', '本月获得 awarded', '本月兑换 redeemed', '余额 balance'];
    const rows = report.households.map((h) => [
      h.householdNumber,
      h.headName,
      h.awarded,
      h.redeemed,
      h.balance,
    ]);
    const name = `points-${code}-${query.period}`;
    if (query.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
      return toCsv(header, rows);
    }
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(query.period);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${name}.xlsx"`);
    return new StreamableFile(Buffer.from(await book.xlsx.writeBuffer()));
  }

  @Get('reports/stores/:id/balance')
  @Roles(...POINTS_READERS)
  @ApiOperation({ summary: 'Points outstanding in the store’s village against its stock at points prices' })
  storeBalance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<StoreBalanceReport> {
    return this.accounts.storeBalance(principal, id);
  }
}
