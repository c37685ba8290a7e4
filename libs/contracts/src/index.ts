export * from './topics';
export * from './contract-validation-error';
export * from './event-envelope';
export * from './define-event';
export * from './events';
export * from './http';
export * from './roles';
export * from './services';
