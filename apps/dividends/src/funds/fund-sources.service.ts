import { Injectable } from '@nestjs/common';
import { forbidden, scopeRegionCode, type Principal } from '@fupin/auth';
import { pageOffset, type Paginated, type PaginationQuery, type PublicFundSource } from '@fupin/contracts';
import { DataSource } from 'typeorm';

/**
 * The list of fund sources (资金来源) to pick from: the county's received money and, since posting
 * writes them into the fund ledger, posted dividend distributions. Each with what reached households.
 */
@Injectable()
export class FundSourcesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff see the sources of their county; the public (principal undefined) sees every county's. */
  async list(
    principal: Principal | undefined,
    query: PaginationQuery & { countyCode?: string; kind?: string },
  ): Promise<Paginated<PublicFundSource>> {
    let county = query.countyCode ?? null;
    if (principal) {
      const root = scopeRegionCode(principal);
      if (!root) throw forbidden();
      // Town and village staff list their county's sources too: that is where their money came from.
      county = root.slice(0, 6);
    }
    const where = `($1::text IS NULL OR s.county_code = $1) AND ($2::text IS NULL OR s.kind = $2)`;
    const params = [county, query.kind ?? null];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM fund_source s WHERE ${where}`,
      params,
    )) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.name, s.kind, s.county_code, s.amount_fen::text AS amount_fen, s.reference, s.created_at,
              coalesce(h.fen, 0)::text AS households_fen, coalesce(h.n, 0)::int AS household_count
       FROM fund_source s
       LEFT JOIN LATERAL (
         SELECT sum(f.amount_fen) AS fen, count(DISTINCT f.household_id) AS n
         FROM fund_flow_all f WHERE f.source_id = s.id AND f.to_type = 'household'
       ) h ON true
       WHERE ${where} ORDER BY s.created_at DESC, s.id LIMIT $3 OFFSET $4`,
      [...params, query.pageSize, pageOffset(query)],
    )) as Array<Record<string, string | number | Date>>;
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        name: String(r.name),
        kind: String(r.kind),
        countyCode: String(r.county_code),
        amountFen: String(r.amount_fen),
        reference: String(r.reference),
        createdAt: new Date(r.created_at).toISOString(),
        householdsFen: String(r.households_fen),
        householdCount: Number(r.household_count),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
