import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@fupin/auth';
import {
  changeHouseholdStatusBodySchema,
  classifyHouseholdBodySchema,
  householdHistoryQuerySchema,
  householdListQuerySchema,
  registerHouseholdBodySchema,
  setKioskPinBodySchema,
  updateHouseholdBodySchema,
  type ChangeHouseholdStatusBody,
  type ClassifyHouseholdBody,
  type HouseholdBankAccountView,
  type HouseholdDetail,
  type HouseholdHistoryEntry,
  type HouseholdHistoryQuery,
  type HouseholdListQuery,
  type HouseholdSummary,
  type Paginated,
  type RegisterHouseholdInput,
  type Role,
  type SetKioskPinBody,
  type UpdateHouseholdInput,
} from '@fupin/contracts';
import { ZodValidationPipe } from '@fupin/service-kit';
import { UuidPipe } from '../common/params';
import { Ctx, type RequestContext } from '@fupin/service-kit';
import { HouseholdPinService } from './household-pin.service';
import { HouseholdQueriesService } from './household-queries.service';
import { HouseholdsService } from './households.service';

/** Staff who may read households inside their scope. */
export const HOUSEHOLD_READERS: [Role, ...Role[]] = [
  'county_admin',
  'town_admin',
  'village_admin',
  'store_keeper',
  'collector',
  'auditor',
];
/** Staff who may register and change households inside their region. */
export const HOUSEHOLD_WRITERS: [Role, ...Role[]] = ['county_admin', 'town_admin', 'village_admin'];
/** Who sets PINs and unlocks cards: the village committee and the love-supermarket keeper. */
const CARD_KEEPERS: [Role, ...Role[]] = ['village_admin', 'store_keeper'];

@ApiTags('households 农户')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly queries: HouseholdQueriesService,
    private readonly pins: HouseholdPinService,
  ) {}

  @Get()
  @Roles(...HOUSEHOLD_READERS)
  @ApiOperation({
    summary: 'Search households in your region: region subtree, class, sub-class, status, name/number/card',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(householdListQuerySchema)) query: HouseholdListQuery,
  ): Promise<Paginated<HouseholdSummary>> {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @Roles(...HOUSEHOLD_READERS, 'household')
  @ApiOperation({
    summary:
      'One household with members (masked ID numbers, masked bank account); a kiosk session sees its own only',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<HouseholdDetail> {
    return this.queries.get(principal, id);
  }

  @Get(':id/history')
  @Roles(...HOUSEHOLD_READERS)
  @ApiOperation({ summary: 'Every change of the household, newest first, with who made it' })
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodValidationPipe(householdHistoryQuerySchema)) query: HouseholdHistoryQuery,
  ): Promise<Paginated<HouseholdHistoryEntry>> {
    return this.queries.history(principal, id, query);
  }

  @Get(':id/bank-account')
  @Roles('county_admin')
  @ApiOperation({ summary: 'The full bank account number, for payouts (audited)' })
  bankAccount(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
  ): Promise<HouseholdBankAccountView> {
    return this.queries.revealBankAccount(ctx, id);
  }

  @Post()
  @Roles(...HOUSEHOLD_WRITERS)
  @ApiOperation({ summary: 'Register a household (建档立卡); publishes registry.household.registered' })
  register(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(registerHouseholdBodySchema)) body: RegisterHouseholdInput,
  ): Promise<HouseholdDetail> {
    return this.households.register(ctx, body);
  }

  @Patch(':id')
  @Roles(...HOUSEHOLD_WRITERS)
  @ApiOperation({
    summary:
      'Change group, phone, bank account, points card or members; publishes registry.household.updated',
  })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(updateHouseholdBodySchema)) body: UpdateHouseholdInput,
  ): Promise<HouseholdDetail> {
    return this.households.update(ctx, id, body);
  }

  @Post(':id/classification')
  @HttpCode(200)
  @Roles(...HOUSEHOLD_WRITERS)
  @ApiOperation({ summary: 'Sort the household (户分三类); publishes registry.household.classified' })
  classify(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(classifyHouseholdBodySchema)) body: ClassifyHouseholdBody,
  ): Promise<HouseholdDetail> {
    return this.households.classify(ctx, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(...HOUSEHOLD_WRITERS)
  @ApiOperation({ summary: 'Change the poverty status; publishes registry.household.statusChanged' })
  changeStatus(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(changeHouseholdStatusBodySchema)) body: ChangeHouseholdStatusBody,
  ): Promise<HouseholdDetail> {
    return this.households.changeStatus(ctx, id, body);
  }

  @Put(':id/pin')
  @Roles(...CARD_KEEPERS)
  @ApiOperation({ summary: 'Set or reset the kiosk PIN (4–6 digits); clears a card lock' })
  setPin(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(new ZodValidationPipe(setKioskPinBodySchema)) body: SetKioskPinBody,
  ): Promise<HouseholdDetail> {
    return this.pins.setPin(ctx, id, body.pin);
  }

  @Post(':id/card/unlock')
  @HttpCode(200)
  @Roles(...CARD_KEEPERS)
  @ApiOperation({ summary: 'Unlock a points card locked after 5 wrong PINs (audited)' })
  unlockCard(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string): Promise<HouseholdDetail> {
    return this.pins.unlockCard(ctx, id);
  }
}
