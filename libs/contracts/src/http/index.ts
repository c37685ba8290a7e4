export * from './api-error';
export * from './health';
export * from './pagination';
export * from './registry';
export * from './ledger';
export * from './dividends';
export * from './market';
