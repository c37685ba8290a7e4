import { Inject, Injectable } from '@nestjs/common';
import {
  registerHouseholdBodySchema,
  type ImportResult,
  type RegisterHouseholdBody,
  type RegisterHouseholdInput,
} from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { audit, type RequestContext } from '@fupin/service-kit';
import { CIPHER_PURPOSE } from '../households/household-masking';
import { HouseholdsService } from '../households/households.service';
import { ImportErrorCode, ImportException } from './household-import.exception';
import { resolvePlaces, type ResolvedPlace } from './import-places';
import {
  checkHouseholds,
  mapColumns,
  parseHouseholds,
  Rejections,
  type ParsedHousehold,
} from './import-rows';
import { readSheet } from './sheet-reader';

/** At most this many problems are listed; the first ones are enough to fix a file. */
const MAX_REPORTED = 500;

/** An uploaded sheet: the parts of a multer file the import reads. */
export interface UploadedSheet {
  originalname?: string;
  size: number;
  buffer: Buffer;
}

/**
 * Imports households from a county office's sheet (CSV or .xlsx), all or nothing: every row is
 * checked first, and a single problem refuses the whole file with a report of every problem found.
 */
@Injectable()
export class HouseholdImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly households: HouseholdsService,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  async import(ctx: RequestContext, file: UploadedSheet, dryRun: boolean): Promise<ImportResult> {
    const sheet = await readSheet(file.buffer);
    if (sheet.rows.length === 0)
      throw new ImportException(ImportErrorCode.Empty, '表格中没有数据行 / The sheet has no data rows');
    const rejections = new Rejections();
    const columns = mapColumns(sheet.headers, rejections);
    let parsed: ParsedHousehold[] = [];
    let inputs: Array<{ household: ParsedHousehold; input: RegisterHouseholdInput }> = [];
    if (rejections.list.length === 0) {
      parsed = parseHouseholds(sheet, columns, rejections);
      checkHouseholds(parsed, rejections);
      const places = await resolvePlaces(this.dataSource.manager, ctx.principal, parsed, rejections);
      this.checkFileDuplicates(parsed, rejections);
      await this.checkRegistered(parsed, rejections);
      inputs = this.toInputs(parsed, places, rejections);
    }
    if (rejections.list.length > 0) {
      throw ImportException.rejected({
        rowCount: sheet.rows.length,
        householdCount: parsed.length,
        rejected: rejections.sorted().slice(0, MAX_REPORTED),
      });
    }
    const result: ImportResult = {
      dryRun,
      rowCount: sheet.rows.length,
      householdCount: inputs.length,
      memberCount: inputs.reduce((n, i) => n + i.input.members.length, 0),
      imported: 0,
      households: inputs.map(({ household }) => ({
        row: household.firstRow,
        householdNumber: household.householdNumber,
        id: null,
      })),
    };
    if (dryRun) return result;
    return this.dataSource.transaction(async (manager) => {
      for (const [i, { input }] of inputs.entries()) {
        result.households[i].id = (await this.households.registerIn(manager, ctx, input)).id;
      }
      await audit(
        manager,
        ctx,
        'household.imported',
        { type: 'household_import', id: file.originalname ?? 'upload' },
        {
          format: sheet.format,
          bytes: file.size,
          rowCount: result.rowCount,
          householdCount: result.householdCount,
        },
      );
      return { ...result, imported: inputs.length };
    });
  }

  /** Card and ID numbers may appear once in a file. */
  private checkFileDuplicates(households: ParsedHousehold[], rejections: Rejections): void {
    const cards = new Map<string, number>();
    const ids = new Map<string, number>();
    for (const h of households) {
      if (h.card) {
        const first = cards.get(h.card.value);
        if (first)
          rejections.add(h.card.row, 'pointsCardNumber', {
            'zh-CN': `积分卡号与第 ${first} 行重复`,
            en: `Same points card as row ${first}`,
          });
        else cards.set(h.card.value, h.card.row);
      }
      for (const m of h.members) {
        if (!m.idNumber) continue;
        const first = ids.get(m.idNumber);
        if (first)
          rejections.add(m.row, 'idNumber', {
            'zh-CN': `身份证号与第 ${first} 行重复`,
            en: `Same ID number as row ${first}`,
          });
        else ids.set(m.idNumber, m.row);
      }
    }
  }

  /** Household numbers, cards and people already registered. */
  private async checkRegistered(households: ParsedHousehold[], rejections: Rejections): Promise<void> {
    const numbers = households.map((h) => h.householdNumber);
    const cards = households.flatMap((h) => (h.card ? [h.card.value] : []));
    const hashed = households.flatMap((h) =>
      h.members.flatMap((m) =>
        m.idNumber ? [{ m, hash: this.cipher.keyedHash(m.idNumber, CIPHER_PURPOSE.idNumber) }] : [],
      ),
    );
    const taken = (await this.dataSource.query(
      `SELECT household_number AS value, 'number' AS kind FROM households WHERE household_number = ANY($1)
       UNION ALL SELECT points_card_number, 'card' FROM households WHERE points_card_number = ANY($2)
       UNION ALL SELECT m.id_number_hash, 'id' FROM household_members m WHERE m.id_number_hash = ANY($3)`,
      [numbers, cards, hashed.map((x) => x.hash)],
    )) as Array<{ value: string; kind: 'number' | 'card' | 'id' }>;
    const takenOf = (kind: string) => new Set(taken.filter((t) => t.kind === kind).map((t) => t.value));
    const [numberSet, cardSet, idSet] = [takenOf('number'), takenOf('card'), takenOf('id')];
    for (const h of households) {
      if (numberSet.has(h.householdNumber)) {
        rejections.add(h.firstRow, 'householdNumber', {
          'zh-CN': '该户编号已登记',
          en: 'This household number is already registered',
        });
      }
      if (h.card && cardSet.has(h.card.value)) {
        rejections.add(h.card.row, 'pointsCardNumber', {
          'zh-CN': '该积分卡号已被使用',
          en: 'This points card is already in use',
        });
      }
    }
    for (const { m, hash } of hashed) {
      if (idSet.has(hash))
        rejections.add(m.row, 'idNumber', {
          'zh-CN': '此人已登记在其他户',
          en: 'This person is already registered in a household',
        });
    }
  }

  /** The register command of each household, checked against the same contract as the API. */
  private toInputs(
    households: ParsedHousehold[],
    places: Map<string, ResolvedPlace>,
    rejections: Rejections,
  ): Array<{ household: ParsedHousehold; input: RegisterHouseholdInput }> {
    const inputs: Array<{ household: ParsedHousehold; input: RegisterHouseholdInput }> = [];
    for (const h of households) {
      const place = places.get(h.householdNumber);
      if (!place || !h.povertyStatus) continue;
      const body: RegisterHouseholdBody = {
        householdNumber: h.householdNumber,
        villageCode: place.villageCode,
        groupCode: place.groupCode,
        phone: h.phone?.value ?? null,
        bankAccount:
          h.bankAccount && h.bankName
            ? { bankName: h.bankName.value, accountNumber: h.bankAccount.value }
            : null,
        pointsCardNumber: h.card?.value ?? null,
        povertyStatus: h.povertyStatus.value,
        subClass: h.subClass?.value ?? null,
        members: h.members.map((m) => ({
          name: m.name,
          relation: m.relation,
          idNumber: m.idNumber,
          birthYear: m.birthYear,
          labourCapacity: m.labourCapacity,
          disability: m.disability,
        })),
      };
      const parsed = registerHouseholdBodySchema.safeParse(body);
      if (parsed.success) inputs.push({ household: h, input: parsed.data });
      else if (!rejections.touches([h.firstRow, ...h.members.map((m) => m.row)])) {
        const message = parsed.error.issues[0].message;
        const [zh, en] = message.includes(' / ') ? message.split(' / ') : [message, message];
        rejections.add(h.firstRow, null, { 'zh-CN': zh, en });
      }
    }
    return inputs;
  }
}
