import { Injectable } from '@nestjs/common';
import { assertOwnOrganisation, forbidden } from '@fupin/auth';
import {
  pageOffset,
  type LotListQuery,
  type LotSummary,
  type Paginated,
  type TransferListItem,
  type TransferListQuery,
} from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { int, iso } from '../common/params';
import { principalOfContext, type RequestContext } from '@fupin/service-kit';
import { ProcurementErrorCode, ProcurementException } from './procurement.exception';

/** Roles that see every organisation's lots and transfers (the county's own staff and its auditors). */
const COUNTY_WIDE = ['county_admin', 'auditor'];

/**
 * The organisation a list is about: the caller's own (from the token's organisation scope), or,
 * for county staff and auditors, the one they name (null: the whole county). An organisation
 * caller naming another organisation is refused, as a purchase at another point is.
 */
function listedOrganisation(ctx: RequestContext, named: string | undefined): string | null {
  const principal = principalOfContext(ctx);
  if (principal.scope.kind === 'organisation') {
    if (named !== undefined) assertOwnOrganisation(principal, named);
    return principal.scope.id;
  }
  if (!COUNTY_WIDE.includes(principal.role)) {
    throw forbidden('只能查看本单位的批次和调运 / Only your own organisation’s lots and transfers');
  }
  return named ?? null;
}

/** Read-only lists of the lots at a place and the transfers to and from it (批次台账, 待收货). */
@Injectable()
export class ProcurementListsService {
  constructor(private readonly dataSource: DataSource) {}

  async lots(ctx: RequestContext, query: LotListQuery): Promise<Paginated<LotSummary>> {
    const location = listedOrganisation(ctx, query.location);
    const params = [location, query.status ?? null, query.produce ?? null];
    const where = `($1::uuid IS NULL OR l.location_id = $1)
      AND ($2::text IS NULL OR l.status = $2)
      AND ($3::text IS NULL OR strpos(lower(l.produce), lower($3)) > 0)`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM lot l WHERE ${where}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT l.id, l.trace_code, l.produce, l.grade, l.weight_grams, l.status, l.location_id, l.created_at,
              o.name AS location_name,
              (SELECT count(*)::int FROM lot_household lh WHERE lh.lot_id = l.id) AS household_count
       FROM lot l LEFT JOIN network_organisation o ON o.id = l.location_id
       WHERE ${where}
       ORDER BY l.created_at DESC, l.id DESC LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        traceCode: r.trace_code as string,
        produce: r.produce as string,
        grade: r.grade as string,
        weightGrams: r.weight_grams as number,
        status: r.status as LotSummary['status'],
        locationId: (r.location_id as string | null) ?? null,
        locationName: (r.location_name as string | null) ?? null,
        householdCount: int(r.household_count),
        createdAt: iso(r.created_at) as string,
      })),
      total: int(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async transfers(ctx: RequestContext, query: TransferListQuery): Promise<Paginated<TransferListItem>> {
    const organisation = listedOrganisation(ctx, query.organisation);
    if (query.direction && !organisation) {
      throw new ProcurementException(
        ProcurementErrorCode.DirectionNeedsOrganisation,
        'direction 须与 organisation 一起使用（收发是相对某个单位而言） / direction needs organisation: incoming and outgoing are relative to one organisation',
      );
    }
    const params = [organisation, query.direction ?? null, query.status ?? null];
    const where = `($1::uuid IS NULL
        OR ($2::text = 'incoming' AND t.to_id = $1)
        OR ($2::text = 'outgoing' AND t.from_id = $1)
        OR ($2::text IS NULL AND (t.to_id = $1 OR t.from_id = $1)))
      AND ($3::text IS NULL OR t.status = $3)`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM lot_transfer t WHERE ${where}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT t.*, l.trace_code, l.produce, l.grade, f.name AS from_name, d.name AS to_name
       FROM lot_transfer t
       JOIN lot l ON l.id = t.lot_id
       JOIN network_organisation f ON f.id = t.from_id
       JOIN network_organisation d ON d.id = t.to_id
       WHERE ${where}
       ORDER BY t.sent_at DESC, t.id DESC LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return {
      items: rows.map((t) => {
        const received = t.received_grams === null ? null : (t.received_grams as number);
        return {
          id: t.id as string,
          lotId: t.lot_id as string,
          traceCode: t.trace_code as string,
          produce: t.produce as string,
          grade: t.grade as string,
          fromOrganisationId: t.from_id as string,
          fromOrganisationName: t.from_name as string,
          toOrganisationId: t.to_id as string,
          toOrganisationName: t.to_name as string,
          sentGrams: t.sent_grams as number,
          receivedGrams: received,
          lossGrams: received === null ? null : (t.sent_grams as number) - received,
          lossReason: (t.loss_reason as string | null) ?? null,
          status: t.status as TransferListItem['status'],
          sentAt: iso(t.sent_at) as string,
          receivedAt: iso(t.received_at),
        };
      }),
      total: int(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
