import { Inject, Injectable } from '@nestjs/common';
import {
  assertHouseholdInScope,
  assertRegionInScope,
  forbidden,
  scopeRegionCode,
  type Principal,
} from '@fupin/auth';
import {
  pageOffset,
  type HouseholdBankAccountView,
  type HouseholdDetail,
  type HouseholdHistoryEntry,
  type HouseholdHistoryQuery,
  type HouseholdListQuery,
  type HouseholdSummary,
  type Paginated,
} from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { audit, type RequestContext } from '@fupin/service-kit';
import { iso, likeEscape, WhereBuilder } from '../common/sql';
import { CIPHER_PURPOSE } from './household-masking';
import {
  HOUSEHOLD_SELECT,
  householdRegion,
  loadHousehold,
  toHouseholdSummary,
  type HouseholdRow,
} from './household-row';
import { HouseholdErrorCode, HouseholdException } from './households.exception';

const SORT: Record<HouseholdListQuery['sort'], string> = {
  householdNumber: 'h.household_number',
  headName: 'h.head_name, h.household_number',
  updatedAt: 'h.updated_at DESC, h.household_number',
};

/** A region condition on households: a group code matches the group, anything shorter the village prefix. */
function regionCondition(where: WhereBuilder, code: string): void {
  if (code.length === 15) where.add('h.group_code = ?', code);
  else where.add('h.village_code LIKE ?', `${code}%`);
}

/** Reads of households, always limited to the reader's scope. */
@Injectable()
export class HouseholdQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  async list(principal: Principal, query: HouseholdListQuery): Promise<Paginated<HouseholdSummary>> {
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    if (query.regionCode) assertRegionInScope(principal, query.regionCode);
    const where = new WhereBuilder();
    regionCondition(where, root);
    if (query.regionCode) regionCondition(where, query.regionCode);
    if (query.labourClass) where.add('h.labour_class = ?', query.labourClass);
    if (query.subClass) where.add('h.sub_class = ?', query.subClass);
    if (query.povertyStatus) where.add('h.poverty_status = ?', query.povertyStatus);
    if (query.cardLocked !== undefined)
      where.add(`h.card_locked_at IS ${query.cardLocked ? 'NOT ' : ''}NULL`);
    if (query.q) {
      const q = likeEscape(query.q);
      where.add(
        `(h.head_name LIKE ? ESCAPE '\\' OR h.household_number LIKE ? ESCAPE '\\' OR h.points_card_number LIKE ? ESCAPE '\\')`,
        `%${q}%`,
        `${q}%`,
        `${q.toUpperCase()}%`,
      );
    }
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*) AS total FROM households h ${where.toSql()}`,
      [...where.params],
    )) as Array<{ total: string }>;
    const rows = (await this.dataSource.query(
      `${HOUSEHOLD_SELECT} ${where.toSql()} ORDER BY ${SORT[query.sort]}
       LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as HouseholdRow[];
    return {
      items: rows.map(toHouseholdSummary),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Staff inside the household's region, or the household's own kiosk session. */
  async get(principal: Principal, id: string): Promise<HouseholdDetail> {
    const loaded = await loadHousehold(this.dataSource.manager, id);
    if (!loaded) throw HouseholdException.notFound(id);
    if (principal.scope.kind === 'household') assertHouseholdInScope(principal, loaded.detail);
    else assertRegionInScope(principal, householdRegion(loaded.detail));
    return loaded.detail;
  }

  async history(
    principal: Principal,
    id: string,
    query: HouseholdHistoryQuery,
  ): Promise<Paginated<HouseholdHistoryEntry>> {
    await this.get(principal, id);
    const [{ total }] = (await this.dataSource.query(
      'SELECT count(*) AS total FROM household_history WHERE household_id = $1',
      [id],
    )) as Array<{ total: string }>;
    const rows = (await this.dataSource.query(
      `SELECT id, occurred_at, change, actor_id, actor_role, actor_name, reason, changes
       FROM household_history WHERE household_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [id, query.pageSize, pageOffset(query)],
    )) as Array<{
      id: string;
      occurred_at: Date;
      change: HouseholdHistoryEntry['change'];
      actor_id: string;
      actor_role: string;
      actor_name: string | null;
      reason: string | null;
      changes: HouseholdHistoryEntry['changes'];
    }>;
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        occurredAt: iso(r.occurred_at)!,
        change: r.change,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        actorName: r.actor_name,
        reason: r.reason,
        changes: r.changes,
      })),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The full account number for a payout; every reveal is audited. */
  async revealBankAccount(ctx: RequestContext, id: string): Promise<HouseholdBankAccountView> {
    const detail = await this.get(ctx.principal!, id);
    const [row] = (await this.dataSource.query(
      'SELECT bank_name, bank_account_encrypted FROM households WHERE id = $1',
      [id],
    )) as Array<{ bank_name: string | null; bank_account_encrypted: string | null }>;
    if (!row?.bank_account_encrypted || !row.bank_name) {
      throw new HouseholdException(
        HouseholdErrorCode.NoBankAccount,
        '该户未登记银行账户 / No bank account on record',
      );
    }
    const accountNumber = this.cipher.decrypt(row.bank_account_encrypted, CIPHER_PURPOSE.bankAccount);
    await this.dataSource.transaction((manager) =>
      audit(
        manager,
        ctx,
        'household.bank_account_revealed',
        { type: 'household', id },
        { householdNumber: detail.householdNumber },
      ),
    );
    return { householdId: id, bankName: row.bank_name, accountNumber };
  }
}
