export * from './audit';
export * from './auth';
export * from './household-import';
export * from './households';
export * from './kiosks';
export * from './organisations';
export * from './regions';
export * from './users';
