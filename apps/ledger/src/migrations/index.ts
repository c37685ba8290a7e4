import { CreateAuditLog1763900000000 } from './1763900000000-create-audit-log';
import { CreateMessagingTables1763900000001 } from './1763900000001-create-messaging-tables';
import { CreateDiagnosticsTables1763900000002 } from './1763900000002-create-diagnostics-tables';
import { CreatePointsLedger1763900002000 } from './1763900002000-create-points-ledger';
import { CreateAwardsAndStores1763900002001 } from './1763900002001-create-awards-and-stores';
import { CreatePointsExpiry1763900002500 } from './1763900002500-create-points-expiry';
import { CreateRedeemFunction1763900002501 } from './1763900002501-create-redeem-function';

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const migrations = [
  CreateAuditLog1763900000000,
  CreateMessagingTables1763900000001,
  CreateDiagnosticsTables1763900000002,
  CreatePointsLedger1763900002000,
  CreateAwardsAndStores1763900002001,
  CreatePointsExpiry1763900002500,
  CreateRedeemFunction1763900002501,
];
