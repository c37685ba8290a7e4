export * from './bodies';
export * from './plans';
export * from './funds';
export * from './public';
