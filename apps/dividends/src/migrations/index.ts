import { CreateAuditLog1763900000000 } from './1763900000000-create-audit-log';
import { CreateMessagingTables1763900000001 } from './1763900000001-create-messaging-tables';
import { CreateDiagnosticsTables1763900000002 } from './1763900000002-create-diagnostics-tables';
import { CreateReadModelsAndEntities1763900004000 } from './1763900004000-create-read-models-and-entities';
import { CreateDistributionsLedgerAndChain1763900004001 } from './1763900004001-create-distributions-ledger-and-chain';
import { CreateFundFlows1763900004002 } from './1763900004002-create-fund-flows';
import { BulkPostingChecksReferencesPerStatement1763900004003 } from './1763900004003-bulk-posting-checks-references-per-statement';
import { DividendPostingsEnterTheFundLedger1763900004500 } from './1763900004500-dividend-postings-enter-the-fund-ledger';
import { BackfillFundFlowsOfPostedDistributions1763900004501 } from './1763900004501-backfill-fund-flows-of-posted-distributions';
import { PostingWritesRowsInBulk1763900004900 } from './1763900004900-posting-writes-rows-in-bulk';
import { NoticeRecordsItsDays1763900004950 } from './1763900004950-notice-records-its-days';
import { LedgerTransactionsKeepTheirTotals1763900005000 } from './1763900005000-ledger-transactions-keep-their-totals';
import { PayoutsAreFoundThroughTheirBatch1763900005100 } from './1763900005100-payouts-are-found-through-their-batch';
import { PayoutsAreTheHouseholdsSubLedger1763900005200 } from './1763900005200-payouts-are-the-households-sub-ledger';
import { PayoutsCarryTheirVillage1763900005300 } from './1763900005300-payouts-carry-their-village';

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const migrations = [
  CreateAuditLog1763900000000,
  CreateMessagingTables1763900000001,
  CreateDiagnosticsTables1763900000002,
  CreateReadModelsAndEntities1763900004000,
  CreateDistributionsLedgerAndChain1763900004001,
  CreateFundFlows1763900004002,
  BulkPostingChecksReferencesPerStatement1763900004003,
  DividendPostingsEnterTheFundLedger1763900004500,
  BackfillFundFlowsOfPostedDistributions1763900004501,
  PostingWritesRowsInBulk1763900004900,
  NoticeRecordsItsDays1763900004950,
  LedgerTransactionsKeepTheirTotals1763900005000,
  PayoutsAreFoundThroughTheirBatch1763900005100,
  PayoutsAreTheHouseholdsSubLedger1763900005200,
  PayoutsCarryTheirVillage1763900005300,
];
