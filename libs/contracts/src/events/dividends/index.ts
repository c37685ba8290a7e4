export * from './distribution-approved.v1';
export * from './payout-failed.v1';
export * from './payout-made.v1';
