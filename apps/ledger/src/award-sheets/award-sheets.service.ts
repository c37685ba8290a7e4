import { Inject, Injectable } from '@nestjs/common';
import { assertRegionInScope, forbidden, type Principal } from '@fupin/auth';
import {
  pointsAwardedV1,
  type AwardLineInput,
  type AwardSheetView,
  type CreateAwardSheetBody,
  type FileObjectionBody,
  type PublicNoticeView,
  type ResolveObjectionBody,
  type SubmitAwardSheetBody,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { num } from '../common/sql';
import { LEDGER_CONFIG, type LedgerConfig } from '../ledger-config';
import { RulesService } from '../rules/rules.service';
import { checkLines, recheckForApproval, replaceLines } from './award-lines';
import { postSheet } from './award-posting';
import { AwardSheetErrorCode as C, AwardSheetException } from './award-sheets.exception';
import { loadSheetRow, loadSheetView, maskName, type SheetRow } from './award-sheet-view';

/** Households announced per `ledger.points.awarded` event (keeps each Kafka message small). */
const AWARDS_PER_EVENT = 1000;

/**
 * Monthly award sheets (积分评定表): drafted by the village, posted for public review (公示), objected
 * to and resolved, then approved by the town or county — and only then do the points exist, all of
 * a sheet's postings in one journal entry that commits or fails as a whole.
 */
@Injectable()
export class AwardSheetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async create(ctx: RequestContext, body: CreateAwardSheetBody): Promise<AwardSheetView> {
    if (ctx.principal) assertRegionInScope(ctx.principal, body.villageCode);
    return this.dataSource.transaction(async (m) => {
      const rules = await this.rules.inForce(m, body.villageCode, `${body.period}-01`);
      const id = randomUUID();
      const inserted = await m.query(
        `INSERT INTO award_sheet (id, village_code, period, rule_set_id, status, created_by)
         VALUES ($1, $2, $3, $4, 'draft', $5) ON CONFLICT (village_code, period) DO NOTHING RETURNING id`,
        [id, body.villageCode, body.period, rules.id, ctx.actorId],
      );
      if (inserted.length === 0) {
        throw new AwardSheetException(
          C.PeriodTaken,
          `该村 ${body.period} 已有评定表 / Village ${body.villageCode} already has a sheet for ${body.period}`,
        );
      }
      await audit(m, ctx, 'awardSheet.created', { type: 'awardSheet', id }, { ...body, ruleSetId: rules.id });
      return loadSheetView(m, id, true);
    });
  }

  async putLines(ctx: RequestContext, id: string, lines: AwardLineInput[]): Promise<AwardSheetView> {
    return this.dataSource.transaction(async (m) => {
      const sheet = await this.lockSheet(m, ctx.principal, id);
      if (sheet.status !== 'draft') throw AwardSheetException.wrongStatus(sheet.status, 'draft');
      const rules = (await this.rules.load(m, sheet.ruleSetId))!;
      const checked = await checkLines(m, sheet, rules, lines);
      await replaceLines(m, id, checked);
      await audit(m, ctx, 'awardSheet.linesReplaced', { type: 'awardSheet', id }, { lines: checked.length });
      return loadSheetView(m, id, checked.length <= 5000);
    });
  }

  async submit(ctx: RequestContext, id: string, body: SubmitAwardSheetBody): Promise<AwardSheetView> {
    return this.dataSource.transaction(async (m) => {
      const sheet = await this.lockSheet(m, ctx.principal, id);
      if (sheet.status !== 'draft') throw AwardSheetException.wrongStatus(sheet.status, 'draft');
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM award_line WHERE sheet_id = $1`, [id]);
      if (n === 0) throw new AwardSheetException(C.Empty, '评定表没有任何行 / The sheet has no lines');
      const seconds = body.noticeDays ? body.noticeDays * 86400 : this.config.LEDGER_NOTICE_WINDOW_SECONDS;
      const token = randomBytes(18).toString('base64url');
      await m.query(
        `UPDATE award_sheet SET status = 'notice', notice_token = $2, notice_starts_at = now(),
           notice_ends_at = now() + make_interval(secs => $3), submitted_by = $4 WHERE id = $1`,
        [id, token, seconds, ctx.actorId],
      );
      await audit(m, ctx, 'awardSheet.submitted', { type: 'awardSheet', id }, { noticeSeconds: seconds });
      return loadSheetView(m, id, n <= 5000);
    });
  }

  async get(principal: Principal, id: string): Promise<AwardSheetView> {
    const sheet = await loadSheetRow(this.dataSource.manager, id);
    if (!sheet) throw AwardSheetException.notFound(id);
    this.assertSees(principal, sheet);
    return loadSheetView(this.dataSource.manager, id, true);
  }

  async list(principal: Principal, villageCode: string): Promise<AwardSheetView[]> {
    assertRegionInScope(principal, villageCode);
    const rows = await this.dataSource.query(
      `SELECT id FROM award_sheet WHERE village_code = $1 ORDER BY period DESC`,
      [villageCode],
    );
    const views: AwardSheetView[] = [];
    for (const r of rows) views.push(await loadSheetView(this.dataSource.manager, r.id, false));
    return views;
  }

  /** The public notice board (公示栏): anyone with the link, names masked. */
  async publicNotice(token: string): Promise<PublicNoticeView> {
    const m = this.dataSource.manager;
    const [row] = await m.query(`SELECT id FROM award_sheet WHERE notice_token = $1`, [token]);
    if (!row) throw new AwardSheetException(C.NotFound, '公示不存在 / No such notice');
    const sheet = (await loadSheetRow(m, row.id))!;
    const [rules] = await m.query(`SELECT monthly_base FROM rule_set WHERE id = $1`, [sheet.ruleSetId]);
    const lines = await m.query(
      `SELECT l.id, h.household_number, h.head_name, i.name, l.count, l.points
       FROM award_line l JOIN household_view h ON h.id = l.household_id JOIN rule_item i ON i.id = l.item_id
       WHERE l.sheet_id = $1 ORDER BY h.household_number, i.code`,
      [sheet.id],
    );
    const [{ open }] = await m.query(
      `SELECT count(*)::int AS open FROM objection WHERE sheet_id = $1 AND status = 'open'`,
      [sheet.id],
    );
    return {
      villageCode: sheet.villageCode,
      period: sheet.period,
      status: sheet.status,
      noticeStartsAt: sheet.noticeStartsAt,
      noticeEndsAt: sheet.noticeEndsAt,
      monthlyBase: num(rules.monthly_base),
      lines: lines.map((l: Record<string, string>) => ({
        lineId: l.id,
        householdNumber: l.household_number,
        headName: maskName(l.head_name),
        itemName: l.name,
        count: Number(l.count),
        points: num(l.points),
      })),
      openObjections: open,
    };
  }

  async fileObjection(ctx: RequestContext, id: string, body: FileObjectionBody): Promise<AwardSheetView> {
    return this.dataSource.transaction(async (m) => {
      const sheet = await this.lockSheet(m, ctx.principal, id);
      if (sheet.status !== 'notice') throw AwardSheetException.wrongStatus(sheet.status, 'notice');
      if (sheet.noticeEndsAt && new Date(sheet.noticeEndsAt) <= new Date()) {
        throw new AwardSheetException(C.NoticeClosed, '公示期已结束 / The notice period is over');
      }
      if (body.lineId) {
        const [line] = await m.query(`SELECT household_id FROM award_line WHERE id = $1 AND sheet_id = $2`, [
          body.lineId,
          id,
        ]);
        if (!line)
          throw new AwardSheetException(C.LineNotFound, `没有该行 / No line ${body.lineId} on this sheet`);
      }
      const objectionId = randomUUID();
      await m.query(
        `INSERT INTO objection (id, sheet_id, line_id, filed_by, filed_role, text, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'open')`,
        [objectionId, id, body.lineId ?? null, ctx.actorId, ctx.role, body.text],
      );
      await audit(m, ctx, 'awardSheet.objectionFiled', { type: 'awardSheet', id }, { objectionId });
      return loadSheetView(m, id, true);
    });
  }

  async resolveObjection(
    ctx: RequestContext,
    id: string,
    objectionId: string,
    body: ResolveObjectionBody,
  ): Promise<AwardSheetView> {
    return this.dataSource.transaction(async (m) => {
      const sheet = await this.lockSheet(m, ctx.principal, id);
      if (sheet.status !== 'notice') throw AwardSheetException.wrongStatus(sheet.status, 'notice');
      const [objection] = await m.query(
        `SELECT * FROM objection WHERE id = $1 AND sheet_id = $2 FOR UPDATE`,
        [objectionId, id],
      );
      if (!objection)
        throw new AwardSheetException(C.ObjectionNotFound, `异议 ${objectionId} 不存在 / No objection`);
      if (objection.status !== 'open') {
        throw new AwardSheetException(
          C.ObjectionResolved,
          '该异议已处理 / The objection is already resolved',
        );
      }
      if (body.outcome === 'upheld' && body.newCount !== undefined) {
        if (!objection.line_id) {
          throw new AwardSheetException(
            C.LineNotFound,
            '该异议未指向任何行 / The objection names no line to change',
          );
        }
        await this.changeLine(m, sheet, objection.line_id, body.newCount);
      }
      await m.query(
        `UPDATE objection SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`,
        [objectionId, body.outcome, body.reason, ctx.actorId],
      );
      await audit(
        m,
        ctx,
        'awardSheet.objectionResolved',
        { type: 'awardSheet', id },
        { objectionId, ...body },
      );
      return loadSheetView(m, id, true);
    });
  }

  /** An upheld objection corrects a line: a new count (caps re-checked), or 0 to remove it. */
  private async changeLine(
    m: EntityManager,
    sheet: SheetRow,
    lineId: string,
    newCount: number,
  ): Promise<void> {
    const [line] = await m.query(
      `SELECT l.household_id, i.code FROM award_line l JOIN rule_item i ON i.id = l.item_id WHERE l.id = $1`,
      [lineId],
    );
    if (!line) throw new AwardSheetException(C.LineNotFound, `没有该行 / No line ${lineId}`);
    if (newCount === 0) {
      await m.query(`DELETE FROM award_line WHERE id = $1`, [lineId]);
      return;
    }
    const rules = (await this.rules.load(m, sheet.ruleSetId))!;
    const [checked] = await checkLines(m, sheet, rules, [
      { householdId: line.household_id, itemCode: line.code, count: newCount },
    ]);
    await m.query(`UPDATE award_line SET count = $2, points = $3 WHERE id = $1`, [
      lineId,
      newCount,
      checked.points,
    ]);
  }

  /** Approves and posts the whole sheet in one transaction; a repeat (same key) answers the first result. */
  async approve(ctx: RequestContext, m: EntityManager, id: string): Promise<AwardSheetView> {
    const sheet = await this.lockSheet(m, ctx.principal, id);
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`award-approval:${sheet.villageCode}`]);
    if (sheet.status !== 'notice') throw AwardSheetException.wrongStatus(sheet.status, 'notice');
    if (sheet.noticeEndsAt && new Date(sheet.noticeEndsAt) > new Date()) {
      throw new AwardSheetException(
        C.NoticeNotOver,
        `公示期至 ${sheet.noticeEndsAt} 结束，之后才能审批 / The notice runs until ${sheet.noticeEndsAt}`,
        { noticeEndsAt: sheet.noticeEndsAt },
      );
    }
    const [{ open }] = await m.query(
      `SELECT count(*)::int AS open FROM objection WHERE sheet_id = $1 AND status = 'open'`,
      [id],
    );
    if (open > 0) {
      throw new AwardSheetException(
        C.ObjectionsOpen,
        `还有 ${open} 条异议未处理 / ${open} objection(s) still open`,
        {
          open,
        },
      );
    }
    const rules = (await this.rules.load(m, sheet.ruleSetId))!;
    // Caps, villages and the blacklist again, as set-based SQL: other sheets may have been approved,
    // households moved or blacklisted since the lines were written.
    await recheckForApproval(m, sheet);
    const { entryId, awards } = await postSheet(m, ctx, sheet, rules.monthlyBase);
    const total = awards.reduce((sum, a) => sum + a.points, 0);
    await m.query(
      `UPDATE award_sheet SET status = 'approved', approved_by = $2, approved_at = now(), entry_id = $3 WHERE id = $1`,
      [id, ctx.actorId, entryId],
    );
    if (entryId) {
      const parts = Math.ceil(awards.length / AWARDS_PER_EVENT);
      for (let p = 0; p < parts; p++) {
        await publish(m, pointsAwardedV1, {
          aggregateId: id,
          payload: {
            sheetId: id,
            villageCode: sheet.villageCode,
            period: sheet.period,
            entryId,
            part: p + 1,
            parts,
            awards: awards
              .slice(p * AWARDS_PER_EVENT, (p + 1) * AWARDS_PER_EVENT)
              .map((a) => ({ householdId: a.householdId, points: a.points })),
            approvedBy: ctx.actorId,
          },
        });
      }
    }
    await audit(
      m,
      ctx,
      'awardSheet.approved',
      { type: 'awardSheet', id },
      {
        entryId,
        households: awards.length,
        totalPoints: total,
      },
    );
    return loadSheetView(m, id, false);
  }

  private assertSees(principal: Principal | undefined, sheet: SheetRow): void {
    if (!principal) return;
    if (principal.scope.kind === 'household') {
      if (principal.scope.villageCode !== sheet.villageCode)
        throw forbidden('只能查看本村的评定表 / Only your village');
      return;
    }
    assertRegionInScope(principal, sheet.villageCode);
  }

  private async lockSheet(m: EntityManager, principal: Principal | undefined, id: string): Promise<SheetRow> {
    const sheet = await loadSheetRow(m, id, true);
    if (!sheet) throw AwardSheetException.notFound(id);
    this.assertSees(principal, sheet);
    return sheet;
  }
}
