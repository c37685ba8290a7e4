export * from './order-accepted.v1';
export * from './order-paid.v1';
export * from './produce-procured.v1';
export * from './sale-settled.v1';
