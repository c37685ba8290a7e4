import type { HouseholdChange } from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@fupin/service-kit';

/** `{ field: { from, to } }`, masked values only. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Appends one entry to a household's history (append-only table), in the change's transaction. */
export async function appendHistory(
  manager: EntityManager,
  ctx: RequestContext,
  householdId: string,
  change: HouseholdChange,
  changes: FieldChanges,
  reason: string | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO household_history (household_id, change, actor_id, actor_role, actor_name, reason, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [householdId, change, ctx.actorId, ctx.role, ctx.actorName, reason, JSON.stringify(changes)],
  );
}
