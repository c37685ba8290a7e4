export * from './donation-received.v1';
export * from './points-awarded.v1';
export * from './points-expired.v1';
export * from './points-redeemed.v1';
export * from './stock-low.v1';
