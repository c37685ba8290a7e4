export * from './household-classified.v1';
export * from './household-registered.v1';
export * from './household-snapshot';
export * from './household-status-changed.v1';
export * from './household-updated.v1';
export * from './organisation-created.v1';
export * from './organisation-snapshot';
export * from './organisation-updated.v1';
