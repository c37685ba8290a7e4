import { EntityManager, QueryRunner } from 'typeorm';

/** Who did a write, in which role and scope, what it was, and from where. */
export interface AuditEntry {
  actorId: string;
  role: string;
  scope: string;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
  ip?: string;
  userAgent?: string;
}

/**
 * Creates the append-only `audit_log` table every service keeps. Rows can be inserted but a
 * trigger refuses updates and deletes, so the record of who did what cannot be rewritten.
 */
export async function createAuditLogTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_id text NOT NULL,
      role text NOT NULL,
      scope text NOT NULL,
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      ip inet,
      user_agent text
    )`);
  await runner.query('CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, occurred_at)');
  await runner.query('CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at)');
  await runner.query(`
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'check_violation';
    END $$`);
  await runner.query(`
    CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
}

/** Drops what {@link createAuditLogTable} made (for a migration's `down`). */
export async function dropAuditLogTable(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE IF EXISTS audit_log');
  await runner.query('DROP FUNCTION IF EXISTS audit_log_is_append_only()');
}

/** Appends one audit row inside the caller's transaction, so the write and its record commit together. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (actor_id, role, scope, action, target_type, target_id, details, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.actorId,
      entry.role,
      entry.scope,
      entry.action,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.details ?? {}),
      entry.ip ?? null,
      entry.userAgent ?? null,
    ],
  );
}
