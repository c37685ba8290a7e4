export * from './assert-every-route-guarded';
export {
  describeRoute,
  findAmbiguousRoutes,
  findUnguardedRoutes,
  listRoutes,
  type RouteInfo,
} from '../route-listing';
export * from './test-app';
export * from './test-token-issuer';
