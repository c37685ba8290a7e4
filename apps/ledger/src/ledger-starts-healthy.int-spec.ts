import { describeServiceShell } from '@fupin/service-kit/testing';
import { ledgerService } from './ledger.service';

describeServiceShell(ledgerService);
