import { CreateAuditLog1763900000000 } from './1763900000000-create-audit-log';
import { CreateMessagingTables1763900000001 } from './1763900000001-create-messaging-tables';
import { CreateDiagnosticsTables1763900000002 } from './1763900000002-create-diagnostics-tables';
import { CreateRegions1763900001000 } from './1763900001000-create-regions';
import { CreateOrganisations1763900001001 } from './1763900001001-create-organisations';
import { CreateHouseholds1763900001002 } from './1763900001002-create-households';
import { CreateUsersAndKeys1763900001003 } from './1763900001003-create-users-and-keys';
import { CreateKiosks1763900001004 } from './1763900001004-create-kiosks';

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const migrations = [
  CreateAuditLog1763900000000,
  CreateMessagingTables1763900000001,
  CreateDiagnosticsTables1763900000002,
  CreateRegions1763900001000,
  CreateOrganisations1763900001001,
  CreateHouseholds1763900001002,
  CreateUsersAndKeys1763900001003,
  CreateKiosks1763900001004,
];
