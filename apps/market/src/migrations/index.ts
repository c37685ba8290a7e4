import { CreateAuditLog1763900000000 } from './1763900000000-create-audit-log';
import { CreateMessagingTables1763900000001 } from './1763900000001-create-messaging-tables';
import { CreateDiagnosticsTables1763900000002 } from './1763900000002-create-diagnostics-tables';
import { CreateMarketTables1763900003000 } from './1763900003000-create-market-tables';
import { RefundsNetAgainstSales1763900003500 } from './1763900003500-refunds-net-against-sales';
import { AllowancePoliciesAndExpiry1763900003501 } from './1763900003501-allowance-policies-and-expiry';
import { OrderPickingAndReadyTimes1763900003510 } from './1763900003510-order-picking-and-ready-times';
import { LotAndTransferListIndexes1763900003511 } from './1763900003511-lot-and-transfer-list-indexes';

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const migrations = [
  CreateAuditLog1763900000000,
  CreateMessagingTables1763900000001,
  CreateDiagnosticsTables1763900000002,
  CreateMarketTables1763900003000,
  RefundsNetAgainstSales1763900003500,
  AllowancePoliciesAndExpiry1763900003501,
  OrderPickingAndReadyTimes1763900003510,
  LotAndTransferListIndexes1763900003511,
];
