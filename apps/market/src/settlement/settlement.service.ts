import { Injectable } from '@nestjs/common';
import {
  pageOffset,
  saleSettledV1,
  type ConsumptionAidExportQuery,
  type ConsumptionAidLedgerQuery,
  type ConsumptionAidLedgerView,
  type Paginated,
  type PaginationQuery,
  type SettlementSummary,
  type SettlementView,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { runIdempotent } from '@fupin/persistence';
import { DomainException } from '@fupin/service-kit';
import { HttpStatus } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { fenToYuanString } from '@fupin/money';
import { int, iso, maskName } from '../common/params';
import { audit, type RequestContext } from '@fupin/service-kit';

export enum SettlementErrorCode {
  NotFound = 'SETTLEMENT_NOT_FOUND',
}

/** Producer settlement: payout batches from accepted sales, and the 消费扶贫台账. */
@Injectable()
export class SettlementService {
  constructor(private readonly dataSource: DataSource) {}

  /** Settles every accepted sale not yet settled into one payout batch (one line per household). */
  async run(ctx: RequestContext, key: string): Promise<SettlementView> {
    const result = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { caller: ctx.actorId, key, operation: 'POST /settlements', body: {} },
        async () => {
          // One settlement run at a time: the next waits and finds nothing left to settle twice.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext('market.settlement'))`);
          const id = randomUUID();
          await manager.query(
            `INSERT INTO settlement (id, total_fen, order_count, created_by) VALUES ($1, 0, 0, $2)`,
            [id, ctx.actorId],
          );
          // A household whose refunds outweigh its new sales is not paid a negative amount: its rows
          // wait for the next run, when later sales cover what it owes.
          await manager.query(
            `UPDATE sale_attribution SET settlement_id = $1
             WHERE settlement_id IS NULL AND household_id IN (
               SELECT household_id FROM sale_attribution WHERE settlement_id IS NULL
               GROUP BY household_id HAVING SUM(amount_fen) >= 0)`,
            [id],
          );
          const [{ total, orders }] = await manager.query(
            'SELECT COALESCE(SUM(amount_fen), 0) AS total, COUNT(DISTINCT order_id)::int AS orders FROM sale_attribution WHERE settlement_id = $1',
            [id],
          );
          await manager.query('UPDATE settlement SET total_fen = $2, order_count = $3 WHERE id = $1', [
            id,
            total,
            orders,
          ]);
          const view = await this.view(manager, id);
          await audit(
            manager,
            ctx,
            'market.settlement.run',
            { type: 'settlement', id },
            { totalFen: view.totalFen },
          );
          await publish(manager, saleSettledV1, {
            aggregateId: id,
            payload: {
              settlementId: id,
              totalFen: view.totalFen,
              orderCount: view.orderCount,
              households: view.lines.map((l) => ({
                householdId: l.householdId,
                villageCode: l.villageCode,
                amountFen: l.amountFen,
              })),
              settledAt: view.createdAt,
            },
          });
          return { status: 201, body: { id } };
        },
      ),
    );
    return this.get(result.body.id);
  }

  get(id: string): Promise<SettlementView> {
    return this.view(this.dataSource.manager, id);
  }

  private async view(manager: EntityManager, id: string): Promise<SettlementView> {
    const [s] = await manager.query('SELECT * FROM settlement WHERE id = $1', [id]);
    if (!s)
      throw new DomainException(
        SettlementErrorCode.NotFound,
        `结算批次不存在 / No settlement ${id}`,
        HttpStatus.NOT_FOUND,
      );
    const lines = await manager.query(
      `SELECT a.household_id, a.village_code, h.head_name, h.bank_account_masked, SUM(a.amount_fen) AS amount
       FROM sale_attribution a JOIN network_household h ON h.id = a.household_id WHERE a.settlement_id = $1
       GROUP BY a.household_id, a.village_code, h.head_name, h.bank_account_masked HAVING SUM(a.amount_fen) <> 0
       ORDER BY a.village_code, a.household_id`,
      [id],
    );
    return {
      id,
      totalFen: int(s.total_fen),
      orderCount: s.order_count,
      createdAt: iso(s.created_at) as string,
      lines: lines.map((l: Record<string, unknown>) => ({
        householdId: l.household_id as string,
        villageCode: l.village_code as string,
        headNameMasked: maskName(l.head_name as string),
        bankAccountMasked: (l.bank_account_masked as string | null) ?? null,
        amountFen: int(l.amount),
      })),
    };
  }

  private async bankRows(id: string): Promise<string[][]> {
    const s = await this.get(id);
    const rows = [
      [
        '序号 No',
        '村代码 Village',
        '户主 Head',
        '账号 Account',
        '金额(元) Amount (yuan)',
        '金额(分) Amount (fen)',
      ],
    ];
    s.lines.forEach((l, i) =>
      rows.push([
        String(i + 1),
        l.villageCode,
        l.headNameMasked,
        l.bankAccountMasked ?? '',
        fenToYuanString(l.amountFen),
        String(l.amountFen),
      ]),
    );
    rows.push(['合计 Total', '', '', '', fenToYuanString(s.totalFen), String(s.totalFen)]);
    return rows;
  }

  /** The bank file of a payout batch as CSV (UTF-8 with BOM so that Excel opens it in Chinese). */
  async bankFileCsv(id: string): Promise<Buffer> {
    return csvFile(await this.bankRows(id));
  }

  /** The same bank file as an Excel workbook; amounts in fen stay integers. */
  async bankFileXlsx(id: string): Promise<Buffer> {
    return xlsxFile('代发清单 Payouts', await this.bankRows(id), 4);
  }

  /** Settlement runs, newest first, without their lines. */
  async list(query: PaginationQuery): Promise<Paginated<SettlementSummary>> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM settlement');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.id, s.total_fen, s.order_count, s.created_by, s.created_at,
              (SELECT count(DISTINCT household_id) FROM sale_attribution a WHERE a.settlement_id = s.id)::int AS households
       FROM settlement s ORDER BY s.created_at DESC, s.id LIMIT $1 OFFSET $2`,
      [query.pageSize, pageOffset(query)],
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        totalFen: int(r.total_fen),
        orderCount: int(r.order_count),
        householdCount: int(r.households),
        createdBy: r.created_by as string,
        createdAt: iso(r.created_at) as string,
      })),
      total: int(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** 消费扶贫台账 as a file: one row per group and a total, CSV or Excel. */
  async ledgerFile(query: ConsumptionAidExportQuery): Promise<Buffer> {
    const view = await this.ledger(query);
    const heading = {
      work_unit: '预算单位 Work unit',
      village: '村 Village',
      household: '农户 Household',
    }[query.groupBy];
    const rows = [['代码 Code', heading, '金额(元) Amount (yuan)', '金额(分) Amount (fen)']];
    for (const r of view.rows)
      rows.push([r.key, r.name ?? '', fenToYuanString(r.amountFen), String(r.amountFen)]);
    rows.push(['合计 Total', '', fenToYuanString(view.totalFen), String(view.totalFen)]);
    return query.format === 'xlsx' ? xlsxFile('消费扶贫台账 Ledger', rows, 2) : csvFile(rows);
  }

  /** 消费扶贫台账: accepted sales by work unit, village or household. */
  async ledger(query: ConsumptionAidLedgerQuery & { year?: number }): Promise<ConsumptionAidLedgerView> {
    const column = {
      work_unit: 'a.work_unit_id::text',
      village: 'a.village_code',
      household: 'a.household_id::text',
    }[query.groupBy];
    const name = {
      work_unit: '(SELECT name FROM network_organisation WHERE id = a.work_unit_id)',
      village: 'NULL',
      household: '(SELECT head_name FROM network_household WHERE id = a.household_id)',
    }[query.groupBy];
    const rows = await this.dataSource.query(
      `SELECT ${column} AS key, ${name} AS name, SUM(a.amount_fen) AS amount FROM sale_attribution a
       WHERE $1::int IS NULL OR extract(year FROM a.created_at AT TIME ZONE 'Asia/Shanghai') = $1
       GROUP BY 1, 2 ORDER BY 1`,
      [query.year ?? null],
    );
    const items = rows.map((r: Record<string, unknown>) => ({
      key: r.key as string,
      name:
        query.groupBy === 'household' && r.name
          ? maskName(r.name as string)
          : ((r.name as string | null) ?? null),
      amountFen: int(r.amount),
    }));
    return {
      groupBy: query.groupBy,
      totalFen: items.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0),
      rows: items,
    };
  }
}

/** Rows as CSV, UTF-8 with a BOM so that Excel opens the Chinese headings right. */
function csvFile(rows: string[][]): Buffer {
  const text = rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/** Rows as an Excel workbook; columns from `numericFrom` on hold numbers (amounts stay integers in fen). */
async function xlsxFile(sheetName: string, rows: string[][], numericFrom: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((r, i) =>
    sheet.addRow(i === 0 ? r : r.map((c, col) => (col >= numericFrom && c !== '' ? Number(c) : c))),
  );
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
