/**
 * SWC options shared by Jest and the service build: TypeScript with legacy decorators and
 * emitted decorator metadata (NestJS dependency injection and TypeORM need it), React JSX.
 */
module.exports = function swcOptions({ jsx = false } = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', tsx: jsx, decorators: true, dynamicImport: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        ...(jsx ? { react: { runtime: 'automatic' } } : {}),
      },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  };
};
