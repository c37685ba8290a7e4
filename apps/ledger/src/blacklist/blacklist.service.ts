import { Injectable } from '@nestjs/common';
import { assertRegionInScope, type Principal } from '@fupin/auth';
import {
  proposeBlacklistBodySchema,
  type BlacklistEntryView,
  type ProposeBlacklistBody,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { findHouseholdInScope } from '../common/lookups';
import { audit, type RequestContext } from '@fupin/service-kit';
import { isoDate } from '../common/sql';
import { BlacklistErrorCode, BlacklistException } from './blacklist.exception';

function view(r: Record<string, string & Date & boolean>): BlacklistEntryView {
  return {
    id: r.id,
    householdId: r.household_id,
    villageCode: r.village_code,
    reason: r.reason,
    startsOn: isoDate(r.starts_on),
    endsOn: isoDate(r.ends_on),
    blocksRedemption: r.blocks_redemption,
    status: r.status as BlacklistEntryView['status'],
    proposedBy: r.proposed_by,
    approvedBy: r.approved_by,
  };
}

/**
 * The blacklist (黑名单, 一约四会红十条): the village proposes, the town or county approves. While an
 * approved entry runs the household earns no awards, and, if the entry says so, cannot redeem.
 */
@Injectable()
export class BlacklistService {
  constructor(private readonly dataSource: DataSource) {}

  async propose(ctx: RequestContext, input: ProposeBlacklistBody): Promise<BlacklistEntryView> {
    const body = proposeBlacklistBodySchema.parse(input);
    if (body.endsOn < body.startsOn) {
      throw new BlacklistException(
        BlacklistErrorCode.BadPeriod,
        '结束日期早于开始日期 / endsOn is before startsOn',
      );
    }
    return this.dataSource.transaction(async (m) => {
      const h = await findHouseholdInScope(m, ctx.principal!, body.householdId);
      const id = randomUUID();
      const [row] = await m.query(
        `INSERT INTO blacklist_entry (id, household_id, village_code, reason, starts_on, ends_on, blocks_redemption, status, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8) RETURNING *`,
        [
          id,
          h.id,
          h.villageCode,
          body.reason,
          body.startsOn,
          body.endsOn,
          body.blocksRedemption,
          ctx.actorId,
        ],
      );
      await audit(
        m,
        ctx,
        'blacklist.proposed',
        { type: 'household', id: h.id },
        { entryId: id, reason: body.reason },
      );
      return view(row);
    });
  }

  async decide(ctx: RequestContext, id: string, decision: 'active' | 'revoked'): Promise<BlacklistEntryView> {
    return this.dataSource.transaction(async (m) => {
      const [entry] = await m.query(`SELECT * FROM blacklist_entry WHERE id = $1 FOR UPDATE`, [id]);
      if (!entry)
        throw new BlacklistException(BlacklistErrorCode.NotFound, `黑名单记录 ${id} 不存在 / No entry ${id}`);
      assertRegionInScope(ctx.principal!, entry.village_code);
      const allowed = decision === 'active' ? ['proposed'] : ['proposed', 'active'];
      if (!allowed.includes(entry.status)) {
        throw new BlacklistException(
          BlacklistErrorCode.WrongStatus,
          `记录状态为 ${entry.status} / The entry is ${entry.status}`,
        );
      }
      const [row] = await m
        .query(`UPDATE blacklist_entry SET status = $2, approved_by = $3 WHERE id = $1 RETURNING *`, [
          id,
          decision,
          ctx.actorId,
        ])
        .then((r: unknown[]) => (Array.isArray(r[0]) ? (r[0] as unknown[]) : r));
      await audit(
        m,
        ctx,
        `blacklist.${decision === 'active' ? 'approved' : 'revoked'}`,
        {
          type: 'household',
          id: entry.household_id,
        },
        { entryId: id },
      );
      return view(row as Record<string, string & Date & boolean>);
    });
  }

  async list(principal: Principal, villageCode: string): Promise<BlacklistEntryView[]> {
    assertRegionInScope(principal, villageCode);
    const rows = await this.dataSource.query(
      `SELECT * FROM blacklist_entry WHERE village_code = $1 ORDER BY created_at DESC`,
      [villageCode],
    );
    return rows.map(view);
  }
}
