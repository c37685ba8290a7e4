import { Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import type { DeclareIncomeBody } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { accounts, postLedgerTransaction } from '../common/ledger';
import { audit, type RequestContext } from '@fupin/service-kit';
import { ReadModelsService } from '../read-models/read-models.service';

export interface IncomeDeclarationView {
  id: string;
  entityId: string;
  source: string;
  periodStart: string;
  periodEnd: string;
  amountFen: string;
  evidence: { description: string; reference: string };
  distributionId: string | null;
  declaredBy: string;
  declaredAt: string;
}

const SELECT = `SELECT id, entity_id, source, period_start::text AS period_start, period_end::text AS period_end,
  amount_fen::text AS amount_fen, evidence_description, evidence_reference, distribution_id, declared_by, declared_at
  FROM income_declaration`;

function toView(r: Record<string, unknown>): IncomeDeclarationView {
  return {
    id: r.id as string,
    entityId: r.entity_id as string,
    source: r.source as string,
    periodStart: r.period_start as string,
    periodEnd: r.period_end as string,
    amountFen: r.amount_fen as string,
    evidence: { description: r.evidence_description as string, reference: r.evidence_reference as string },
    distributionId: (r.distribution_id as string | null) ?? null,
    declaredBy: r.declared_by as string,
    declaredAt: new Date(r.declared_at as string).toISOString(),
  };
}

/** Distributable income declared for a period, with its evidence; booked to the entity's ledger. */
@Injectable()
export class IncomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
  ) {}

  async list(principal: Principal, entityId: string): Promise<IncomeDeclarationView[]> {
    await this.readModels.entityInScope(principal, entityId);
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE entity_id = $1 ORDER BY period_start, declared_at`,
      [entityId],
    )) as Array<Record<string, unknown>>;
    return rows.map(toView);
  }

  async declare(
    ctx: RequestContext,
    entityId: string,
    body: DeclareIncomeBody,
  ): Promise<IncomeDeclarationView> {
    return this.dataSource.transaction(async (manager) => {
      await this.readModels.entityInScope(ctx.principal, entityId, manager);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO income_declaration (id, entity_id, source, period_start, period_end, amount_fen,
           evidence_description, evidence_reference, declared_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          entityId,
          body.source,
          body.periodStart,
          body.periodEnd,
          body.amountFen,
          body.evidence.description,
          body.evidence.reference,
          ctx.actorId,
        ],
      );
      const amount = BigInt(body.amountFen);
      await postLedgerTransaction(
        manager,
        {
          kind: 'income.declared',
          entityId,
          description: `收益申报 ${body.source} ${body.periodStart}–${body.periodEnd}`,
        },
        [
          { account: accounts.bank(entityId), amountFen: amount },
          { account: accounts.income(entityId), amountFen: -amount },
        ],
      );
      await audit(manager, ctx, 'income.declared', { type: 'income_declaration', id }, { entityId, ...body });
      const [row] = (await manager.query(`${SELECT} WHERE id = $1`, [id])) as Array<Record<string, unknown>>;
      return toView(row);
    });
  }
}
