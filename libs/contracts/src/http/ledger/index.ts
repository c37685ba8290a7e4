export * from './accounts';
export * from './award-sheets';
export * from './common';
export * from './points-expiry';
export * from './redemptions';
export * from './rules';
export * from './stores';
