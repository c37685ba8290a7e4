import { Injectable } from '@nestjs/common';
import { pageOffset, type AuditEntryView, type AuditListQuery, type Paginated } from '@fupin/contracts';
import { DataSource } from 'typeorm';
import { iso, WhereBuilder } from '../common/sql';
import { AuditErrorCode, AuditException } from './audit.exception';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string;
  role: string;
  scope: string;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
}

/** Reads the append-only audit log: every write of the registry, who, in which role and scope, from where. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditListQuery): Promise<Paginated<AuditEntryView>> {
    if (query.from && query.to && new Date(query.from) > new Date(query.to)) {
      throw new AuditException(AuditErrorCode.BadRange, '起始时间晚于结束时间 / "from" is after "to"');
    }
    const where = new WhereBuilder();
    if (query.actorId) where.add('actor_id = ?', query.actorId);
    if (query.action)
      where.add(
        query.action.endsWith('.') ? 'action LIKE ?' : 'action = ?',
        query.action.endsWith('.') ? `${query.action}%` : query.action,
      );
    if (query.targetType) where.add('target_type = ?', query.targetType);
    if (query.targetId) where.add('target_id = ?', query.targetId);
    if (query.from) where.add('occurred_at >= ?', query.from);
    if (query.to) where.add('occurred_at <= ?', query.to);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*) AS total FROM audit_log ${where.toSql()}`,
      [...where.params],
    )) as Array<{
      total: string;
    }>;
    const rows = (await this.dataSource.query(
      `SELECT id, occurred_at, actor_id, role, scope, action, target_type, target_id, details, host(ip) AS ip, user_agent
       FROM audit_log ${where.toSql()} ORDER BY id DESC LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as AuditRow[];
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        occurredAt: iso(r.occurred_at)!,
        actorId: r.actor_id,
        role: r.role,
        scope: r.scope,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: r.details,
        ip: r.ip,
        userAgent: r.user_agent,
      })),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
