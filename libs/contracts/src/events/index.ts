export * from './platform/ping.v1';
