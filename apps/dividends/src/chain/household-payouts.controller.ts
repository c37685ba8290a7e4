import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import type { HouseholdPayoutsView, PayoutStatus } from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { isoDate, isoTime } from '../common/masking';
import { PublicErrorCode, PublicException } from './public.exception';

/**
 * 我家的分红: a household, signed in with its card and PIN (on the web, `POST /auth/household/sign-in`,
 * or at a kiosk), reads its own dividend payouts and fund payments, and nobody else's.
 */
@ApiTags('public 公示')
@ApiBearerAuth()
@Controller('households/me')
export class HouseholdPayoutsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('payouts')
  @Roles('household', 'villager')
  @ApiOperation({ summary: "The signed-in household's own dividend payouts and fund payments" })
  async mine(@CurrentPrincipal() principal: Principal): Promise<HouseholdPayoutsView> {
    if (principal.scope.kind !== 'household')
      throw new PublicException(
        PublicErrorCode.NotAHousehold,
        '请用农户的卡号和密码登录 / Sign in with a household card and PIN',
      );
    const householdId = principal.scope.householdId;
    const [household] = (await this.dataSource.query(
      'SELECT id, household_number, head_name FROM household_rm WHERE id = $1',
      [householdId],
    )) as Array<{ id: string; household_number: string; head_name: string }>;
    const payouts = (await this.dataSource.query(
      `SELECT p.id, d.title, o.name AS entity_name, d.period_start::text AS period_start, d.period_end::text AS period_end,
              p.amount_fen::text AS amount_fen, p.status, p.bank_account_masked, p.confirmed_at
       FROM payout p JOIN distribution d ON d.id = p.distribution_id JOIN organisation_rm o ON o.id = d.entity_id
       WHERE p.household_id = $1 ORDER BY d.period_end DESC, p.attempt DESC LIMIT 500`,
      [householdId],
    )) as Array<Record<string, string | null>>;
    const fundPayments = (await this.dataSource.query(
      `SELECT f.id, s.name AS source_name, f.kind, f.amount_fen::text AS amount_fen, f.purpose, f.created_at
       FROM fund_flow f JOIN fund_source s ON s.id = f.source_id
       WHERE f.household_id = $1 AND f.to_type = 'household' AND f.kind <> 'dividend'
       ORDER BY f.created_at DESC LIMIT 500`,
      [householdId],
    )) as Array<Record<string, string>>;
    return {
      household: {
        id: householdId,
        householdNumber: household?.household_number ?? '',
        headName: household?.head_name ?? principal.name,
      },
      payouts: payouts.map((p) => ({
        id: p.id!,
        distributionTitle: p.title!,
        entityName: p.entity_name!,
        periodStart: isoDate(p.period_start!),
        periodEnd: isoDate(p.period_end!),
        amountFen: p.amount_fen!,
        status: p.status as PayoutStatus,
        bankAccountMasked: p.bank_account_masked,
        confirmedAt: isoTime(p.confirmed_at),
      })),
      fundPayments: fundPayments.map((f) => ({
        id: f.id,
        sourceName: f.source_name,
        kind: f.kind,
        amountFen: f.amount_fen,
        purpose: f.purpose,
        createdAt: isoTime(f.created_at)!,
      })),
    };
  }
}
