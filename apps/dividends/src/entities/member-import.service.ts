import { Injectable } from '@nestjs/common';
import { addShareholdingBodySchema, type ShareKind } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { audit, type RequestContext } from '@fupin/service-kit';
import { ReadModelsService } from '../read-models/read-models.service';
import { EntityErrorCode, EntityException } from './entities.exception';
import { readMemberSheet } from './member-sheet';

/** Column headers accepted (Chinese as the county office template has them, or English). */
const COLUMNS = {
  householdNumber: ['户编号', 'householdNumber'],
  joinedOn: ['入社日期', 'joinedOn'],
  kind: ['股份类型', 'kind'],
  shares: ['股数', 'shares'],
  validFrom: ['起始日期', 'validFrom'],
  validTo: ['截止日期', 'validTo'],
} as const;
const KIND_NAMES: Record<string, ShareKind> = {
  普通股: 'ordinary',
  优先股: 'preferred',
  折股量化: 'poverty_fund',
  ordinary: 'ordinary',
  preferred: 'preferred',
  poverty_fund: 'poverty_fund',
};
export const MEMBER_IMPORT_MAX_ROWS = 5000;

const rowSchema = z.object({
  joinedOn: z.iso.date({ error: '入社日期须为 YYYY-MM-DD / joinedOn must be YYYY-MM-DD' }),
});

export interface RowProblem {
  row: number;
  errors: string[];
}

/**
 * Members and shareholdings from a CSV or .xlsx sheet, one shareholding per row: all rows are
 * checked first, and either every row is recorded or none is (422 with a report of every bad row).
 */
@Injectable()
export class MemberImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
  ) {}

  async import(ctx: RequestContext, entityId: string, bytes: Buffer) {
    const entity = await this.readModels.entityInScope(ctx.principal, entityId);
    let sheet;
    try {
      sheet = await readMemberSheet(bytes);
    } catch {
      throw new EntityException(
        EntityErrorCode.ImportUnreadable,
        '无法读取该文件（须为 CSV 或 .xlsx）/ Cannot read the file (CSV or .xlsx)',
      );
    }
    const index = Object.fromEntries(
      Object.entries(COLUMNS).map(([key, names]) => [
        key,
        sheet.headers.findIndex((h) => (names as readonly string[]).includes(h)),
      ]),
    ) as Record<keyof typeof COLUMNS, number>;
    const missing = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter(
      (k) => k !== 'validTo' && index[k] < 0,
    );
    if (missing.length)
      throw new EntityException(
        EntityErrorCode.ImportRejected,
        `缺少列：${missing.map((k) => COLUMNS[k][0]).join('、')} / Missing columns`,
        {
          missingColumns: missing.map((k) => COLUMNS[k][0]),
        },
      );
    if (sheet.rows.length === 0 || sheet.rows.length > MEMBER_IMPORT_MAX_ROWS)
      throw new EntityException(
        EntityErrorCode.ImportRejected,
        `须有 1–${MEMBER_IMPORT_MAX_ROWS} 行数据 / 1–${MEMBER_IMPORT_MAX_ROWS} rows`,
      );

    const numbers = [...new Set(sheet.rows.map((r) => r.cells[index.householdNumber] ?? ''))];
    const known = (await this.dataSource.query(
      'SELECT id, household_number FROM household_rm WHERE household_number = ANY($1) AND county_code = $2',
      [numbers, entity.countyCode],
    )) as Array<{ id: string; household_number: string }>;
    const byNumber = new Map(known.map((h) => [h.household_number, h.id]));
    const problems: RowProblem[] = [];
    const good: Array<{
      householdId: string;
      joinedOn: string;
      kind: ShareKind;
      shares: number;
      validFrom: string;
      validTo: string | null;
    }> = [];
    for (const row of sheet.rows) {
      const cell = (k: keyof typeof COLUMNS) => (index[k] >= 0 ? (row.cells[index[k]] ?? '') : '');
      const errors: string[] = [];
      const householdId = byNumber.get(cell('householdNumber'));
      if (!householdId)
        errors.push(
          `户编号 ${cell('householdNumber') || '(空)'} 不在本县登记库中 / unknown household number`,
        );
      const joined = rowSchema.safeParse({ joinedOn: cell('joinedOn') });
      if (!joined.success) errors.push(joined.error.issues[0].message);
      const kind = KIND_NAMES[cell('kind')];
      if (!kind) errors.push(`股份类型须为 普通股/优先股/折股量化 / unknown share kind "${cell('kind')}"`);
      const holding = addShareholdingBodySchema.safeParse({
        householdId: householdId ?? '00000000-0000-4000-8000-000000000000',
        kind: kind ?? 'ordinary',
        shares: /^\d+$/.test(cell('shares')) ? Number(cell('shares')) : cell('shares'),
        validFrom: cell('validFrom'),
        validTo: cell('validTo') || null,
      });
      if (!holding.success)
        errors.push(...holding.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      if (errors.length) problems.push({ row: row.rowNumber, errors });
      else if (holding.success && householdId && kind)
        good.push({
          householdId,
          joinedOn: cell('joinedOn'),
          kind,
          shares: holding.data.shares,
          validFrom: holding.data.validFrom,
          validTo: holding.data.validTo ?? null,
        });
    }
    if (problems.length)
      throw new EntityException(
        EntityErrorCode.ImportRejected,
        `${problems.length} 行有误，未导入任何数据 / ${problems.length} bad row(s); nothing was imported`,
        { rows: problems },
      );
    return this.dataSource.transaction(async (manager) => {
      const members = (await manager.query(
        `INSERT INTO entity_member (entity_id, household_id, joined_on)
         SELECT DISTINCT ON (h) $1::uuid, h, j FROM unnest($2::uuid[], $3::date[]) AS x(h, j) ORDER BY h, j
         ON CONFLICT DO NOTHING RETURNING household_id`,
        [entityId, good.map((g) => g.householdId), good.map((g) => g.joinedOn)],
      )) as unknown[];
      await manager.query(
        `INSERT INTO shareholding (id, entity_id, household_id, kind, shares, valid_from, valid_to)
         SELECT id, $1, h, k, s, f, t FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::date[], $7::date[]) AS x(id, h, k, s, f, t)`,
        [
          entityId,
          good.map(() => randomUUID()),
          good.map((g) => g.householdId),
          good.map((g) => g.kind),
          good.map((g) => g.shares),
          good.map((g) => g.validFrom),
          good.map((g) => g.validTo),
        ],
      );
      const result = { membersAdded: members.length, shareholdingsAdded: good.length };
      await audit(manager, ctx, 'entity.members_imported', { type: 'entity', id: entityId }, result);
      return result;
    });
  }
}
