export * from './platform/ping.v1';
export * from './registry';
export * from './market';
export * from './ledger';
export * from './dividends';
