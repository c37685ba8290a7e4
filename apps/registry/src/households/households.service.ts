import { Inject, Injectable } from '@nestjs/common';
import { assertRegionInScope } from '@fupin/auth';
import {
  householdClassifiedV1,
  householdRegisteredV1,
  householdStatusChangedV1,
  householdUpdatedV1,
  SUB_CLASS_PARENT,
  type ChangeHouseholdStatusBody,
  type ClassifyHouseholdBody,
  type HouseholdDetail,
  type RegisterHouseholdInput,
  type UpdateHouseholdInput,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { audit, type RequestContext } from '@fupin/service-kit';
import { appendHistory, type FieldChanges } from './household-history';
import { CIPHER_PURPOSE, maskBankAccount } from './household-masking';
import { assertPlace, assertUnique } from './household-checks';
import {
  insertMembers,
  memberFingerprint,
  prepareMembers,
  unknownMemberIds,
  type PreparedMember,
} from './household-members';
import { householdRegion, loadHousehold, toHouseholdSnapshot, type LoadedHousehold } from './household-row';
import { HouseholdErrorCode, HouseholdException } from './households.exception';

type UpdatedField = 'groupCode' | 'phone' | 'bankAccount' | 'pointsCardNumber' | 'members';

/**
 * Writes to households: registration (建档立卡), updates, classification (户分三类) and poverty
 * status. Each write checks the actor's scope, appends the household's history and the audit log,
 * and publishes its event, all in one transaction.
 */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  register(ctx: RequestContext, input: RegisterHouseholdInput): Promise<HouseholdDetail> {
    return this.dataSource.transaction((manager) => this.registerIn(manager, ctx, input));
  }

  /** Registers inside the caller's transaction (the import registers a whole file in one). */
  async registerIn(
    manager: EntityManager,
    ctx: RequestContext,
    input: RegisterHouseholdInput,
  ): Promise<HouseholdDetail> {
    const groupCode = input.groupCode ?? null;
    if (ctx.principal) assertRegionInScope(ctx.principal, groupCode ?? input.villageCode);
    await assertPlace(manager, input.villageCode, groupCode);
    const members = prepareMembers(this.cipher, input.members);
    const card = input.pointsCardNumber ?? null;
    await assertUnique(manager, { householdNumber: input.householdNumber, card, members });
    const id = randomUUID();
    const bank = input.bankAccount ?? null;
    const subClass = input.subClass ?? null;
    await manager.query(
      `INSERT INTO households (id, household_number, village_code, group_code, head_name, phone, bank_name,
         bank_account_masked, bank_account_encrypted, points_card_number, poverty_status, labour_class, sub_class, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        input.householdNumber,
        input.villageCode,
        groupCode,
        members[0].name,
        input.phone ?? null,
        bank?.bankName ?? null,
        bank ? maskBankAccount(bank.accountNumber) : null,
        bank ? this.cipher.encrypt(bank.accountNumber, CIPHER_PURPOSE.bankAccount) : null,
        card,
        input.povertyStatus,
        subClass ? SUB_CLASS_PARENT[subClass] : null,
        subClass,
        ctx.actorId,
      ],
    );
    await insertMembers(manager, id, members);
    const { detail } = (await loadHousehold(manager, id))!;
    await appendHistory(manager, ctx, id, 'registered', {
      householdNumber: { from: null, to: detail.householdNumber },
      villageCode: { from: null, to: detail.villageCode },
      groupCode: { from: null, to: detail.groupCode },
      povertyStatus: { from: null, to: detail.povertyStatus },
      subClass: { from: null, to: detail.subClass },
      pointsCardNumber: { from: null, to: detail.pointsCardNumber },
      bankAccount: { from: null, to: detail.bankAccountMasked },
      members: { from: null, to: detail.members.map((m) => m.name) },
    });
    await publish(manager, householdRegisteredV1, { aggregateId: id, payload: toHouseholdSnapshot(detail) });
    await audit(
      manager,
      ctx,
      'household.registered',
      { type: 'household', id },
      {
        householdNumber: detail.householdNumber,
        villageCode: detail.villageCode,
        memberCount: detail.members.length,
      },
    );
    return detail;
  }

  async update(ctx: RequestContext, id: string, input: UpdateHouseholdInput): Promise<HouseholdDetail> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockForWrite(manager, ctx, id, input.expectedVersion);
      const before = current.detail;
      const changes: FieldChanges = {};
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };

      if (input.groupCode !== undefined && input.groupCode !== before.groupCode) {
        // The household must stay inside the actor's scope (a 中心户长 cannot move it out of the group).
        if (ctx.principal) assertRegionInScope(ctx.principal, input.groupCode ?? before.villageCode);
        await assertPlace(manager, before.villageCode, input.groupCode);
        set('group_code', input.groupCode);
        changes.groupCode = { from: before.groupCode, to: input.groupCode };
      }
      if (input.phone !== undefined && input.phone !== before.phone) {
        set('phone', input.phone);
        changes.phone = { from: before.phone, to: input.phone };
      }
      if (
        input.bankAccount !== undefined &&
        (await this.bankAccountDiffers(manager, id, before, input.bankAccount))
      ) {
        const bank = input.bankAccount;
        const masked = bank ? maskBankAccount(bank.accountNumber) : null;
        set('bank_name', bank?.bankName ?? null);
        set('bank_account_masked', masked);
        set(
          'bank_account_encrypted',
          bank ? this.cipher.encrypt(bank.accountNumber, CIPHER_PURPOSE.bankAccount) : null,
        );
        changes.bankAccount = {
          from: [before.bankName, before.bankAccountMasked],
          to: [bank?.bankName ?? null, masked],
        };
      }
      if (input.pointsCardNumber !== undefined && input.pointsCardNumber !== before.pointsCardNumber) {
        await assertUnique(manager, { card: input.pointsCardNumber, members: [] }, id);
        set('points_card_number', input.pointsCardNumber);
        changes.pointsCardNumber = { from: before.pointsCardNumber, to: input.pointsCardNumber };
      }
      let members: PreparedMember[] | undefined;
      if (input.members) {
        const onRecord = new Map(
          before.members.map((m, i) => [
            m.id,
            { idNumberMasked: m.idNumberMasked, idNumberHash: current.memberHashes[i] },
          ]),
        );
        const unknown = unknownMemberIds(input.members, onRecord);
        if (unknown.length > 0) {
          throw new HouseholdException(
            HouseholdErrorCode.MemberUnknown,
            `不是本户成员（或重复）：${unknown.join(', ')} / Not a member of this household (or named twice): ${unknown.join(', ')}`,
            { memberIds: unknown },
          );
        }
        const prepared = prepareMembers(this.cipher, input.members, onRecord);
        const same =
          memberFingerprint(
            prepared,
            prepared.map((m) => m.idNumberHash),
          ) === memberFingerprint(before.members, current.memberHashes);
        if (!same) {
          await assertUnique(manager, { members: prepared }, id);
          members = prepared;
          set('head_name', prepared[0].name);
          changes.members = { from: before.members.map((m) => m.name), to: prepared.map((m) => m.name) };
        }
      }
      const changedFields = Object.keys(changes) as UpdatedField[];
      if (changedFields.length === 0) return before;

      if (members) {
        await manager.query('DELETE FROM household_members WHERE household_id = $1', [id]);
        await insertMembers(manager, id, members);
      }
      await manager.query(
        `UPDATE households SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
        params,
      );
      const { detail } = (await loadHousehold(manager, id))!;
      await appendHistory(manager, ctx, id, 'updated', changes);
      await publish(manager, householdUpdatedV1, {
        aggregateId: id,
        payload: { ...toHouseholdSnapshot(detail), changedFields },
      });
      await audit(
        manager,
        ctx,
        'household.updated',
        { type: 'household', id },
        { changedFields, version: detail.version },
      );
      return detail;
    });
  }

  async classify(ctx: RequestContext, id: string, body: ClassifyHouseholdBody): Promise<HouseholdDetail> {
    return this.dataSource.transaction(async (manager) => {
      const { detail: before } = await this.lockForWrite(manager, ctx, id, body.expectedVersion);
      const labourClass = SUB_CLASS_PARENT[body.subClass];
      if (before.subClass === body.subClass) return before;
      await manager.query(
        `UPDATE households SET labour_class = $2, sub_class = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, labourClass, body.subClass],
      );
      const { detail } = (await loadHousehold(manager, id))!;
      const changes = {
        labourClass: { from: before.labourClass, to: labourClass },
        subClass: { from: before.subClass, to: body.subClass },
      };
      await appendHistory(manager, ctx, id, 'classified', changes, body.reason);
      await publish(manager, householdClassifiedV1, {
        aggregateId: id,
        payload: {
          householdId: id,
          householdNumber: detail.householdNumber,
          countyCode: detail.countyCode,
          townCode: detail.townCode,
          villageCode: detail.villageCode,
          previousLabourClass: before.labourClass,
          previousSubClass: before.subClass,
          labourClass,
          subClass: body.subClass,
          reason: body.reason,
          version: detail.version,
        },
      });
      await audit(
        manager,
        ctx,
        'household.classified',
        { type: 'household', id },
        { ...changes, reason: body.reason },
      );
      return detail;
    });
  }

  async changeStatus(
    ctx: RequestContext,
    id: string,
    body: ChangeHouseholdStatusBody,
  ): Promise<HouseholdDetail> {
    return this.dataSource.transaction(async (manager) => {
      const { detail: before } = await this.lockForWrite(manager, ctx, id, body.expectedVersion);
      if (before.povertyStatus === body.povertyStatus) return before;
      await manager.query(
        `UPDATE households SET poverty_status = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, body.povertyStatus],
      );
      const { detail } = (await loadHousehold(manager, id))!;
      const changes = { povertyStatus: { from: before.povertyStatus, to: body.povertyStatus } };
      await appendHistory(manager, ctx, id, 'status_changed', changes, body.reason);
      await publish(manager, householdStatusChangedV1, {
        aggregateId: id,
        payload: {
          householdId: id,
          householdNumber: detail.householdNumber,
          countyCode: detail.countyCode,
          townCode: detail.townCode,
          villageCode: detail.villageCode,
          previousStatus: before.povertyStatus,
          povertyStatus: body.povertyStatus,
          reason: body.reason,
          version: detail.version,
        },
      });
      await audit(
        manager,
        ctx,
        'household.status_changed',
        { type: 'household', id },
        { ...changes, reason: body.reason },
      );
      return detail;
    });
  }

  /** Locks the row, then checks scope and the client's expected version. */
  private async lockForWrite(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    expectedVersion?: number,
  ): Promise<LoadedHousehold> {
    const [row] = (await manager.query('SELECT id FROM households WHERE id = $1 FOR UPDATE', [
      id,
    ])) as unknown[];
    if (!row) throw HouseholdException.notFound(id);
    const loaded = (await loadHousehold(manager, id))!;
    if (ctx.principal) assertRegionInScope(ctx.principal, householdRegion(loaded.detail));
    if (expectedVersion !== undefined && expectedVersion !== loaded.detail.version) {
      throw new HouseholdException(
        HouseholdErrorCode.VersionConflict,
        `该农户已被他人修改（当前版本 ${loaded.detail.version}），请刷新后重试 / The household changed meanwhile (now version ${loaded.detail.version}); reload and retry`,
        { currentVersion: loaded.detail.version },
      );
    }
    return loaded;
  }

  private async bankAccountDiffers(
    manager: EntityManager,
    id: string,
    before: HouseholdDetail,
    next: UpdateHouseholdInput['bankAccount'],
  ): Promise<boolean> {
    if (!next) return before.bankAccountMasked !== null;
    if (before.bankName !== next.bankName || before.bankAccountMasked !== maskBankAccount(next.accountNumber))
      return true;
    const [{ bank_account_encrypted: sealed }] = (await manager.query(
      'SELECT bank_account_encrypted FROM households WHERE id = $1',
      [id],
    )) as Array<{ bank_account_encrypted: string }>;
    return this.cipher.decrypt(sealed, CIPHER_PURPOSE.bankAccount) !== next.accountNumber;
  }
}
