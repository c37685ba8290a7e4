export * from './audit/audit-log';
export * from './data-source';
export * from './embedded/embedded-postgres';
export * from './embedded/os-user';
export * from './embedded/pg-binaries';
export * from './migrations';
export * from './idempotency/idempotency';
