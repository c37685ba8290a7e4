export * from './describe-service-shell';
export * from './start-service-for-test';
export * from './docker';
