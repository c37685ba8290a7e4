import type { INestApplication } from '@nestjs/common';
import { describeRoute, findAmbiguousRoutes, findUnguardedRoutes } from '../route-listing';

/**
 * Throws, listing them, when any route of the app is neither `@Public()` nor limited by `@Roles(...)`
 * (or is both). One line in each service's suite: `assertEveryRouteGuarded(service.app)`.
 */
export function assertEveryRouteGuarded(app: INestApplication): void {
  const unguarded = findUnguardedRoutes(app).map(describeRoute);
  const ambiguous = findAmbiguousRoutes(app).map(describeRoute);
  if (unguarded.length || ambiguous.length) {
    throw new Error(
      [
        ...(unguarded.length ? [`routes with neither @Public() nor @Roles(): ${unguarded.join(', ')}`] : []),
        ...(ambiguous.length ? [`routes with both @Public() and @Roles(): ${ambiguous.join(', ')}`] : []),
      ].join('; '),
    );
  }
}
