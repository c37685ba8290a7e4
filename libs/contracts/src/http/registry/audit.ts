import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

/** `GET /audit?…` (auditors and county administrators). */
export const auditListQuerySchema = paginationQuerySchema.extend({
  actorId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

export interface AuditEntryView {
  id: number;
  occurredAt: string;
  actorId: string;
  role: string;
  scope: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}
