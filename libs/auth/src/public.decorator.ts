import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the auth guard: routes marked with {@link Public} need no token. */
export const IS_PUBLIC_KEY = 'fupin:auth:public';

/**
 * Marks a route as deliberately open (health checks, public notice pages). Every other route
 * must carry a role guard; a test lists all routes and fails on one that has neither.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
