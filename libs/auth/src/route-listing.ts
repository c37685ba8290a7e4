import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@fupin/contracts';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/** One HTTP route of a Nest app and how it is guarded. */
export interface RouteInfo {
  method: string;
  /** Without the global prefix, e.g. `/households/:id`. */
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  roles: Role[];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

function asArray(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function handlerNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}

/**
 * Every route of every controller in the app, read from Nest's metadata the same way the guard
 * reads it (the handler's marker wins over the controller's).
 */
export function listRoutes(app: INestApplication | ModulesContainer): RouteInfo[] {
  const modules = app instanceof ModulesContainer ? app : app.get(ModulesContainer);
  const routes: RouteInfo[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, type));
      for (const name of handlerNames(type.prototype)) {
        const descriptor =
          Object.getOwnPropertyDescriptor(type.prototype, name) ?? findDescriptor(type.prototype, name);
        const handler = descriptor?.value as object | undefined;
        if (typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler);
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        const isPublic = Boolean(
          Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, type),
        );
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, type) ??
          []) as Role[];
        for (const prefix of prefixes) {
          for (const path of asArray(paths)) {
            routes.push({
              method,
              path: joinPath(prefix, path),
              controller: type.name,
              handler: name,
              isPublic,
              roles,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function findDescriptor(prototype: object, name: string): PropertyDescriptor | undefined {
  for (let p: object | null = prototype; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

/** Routes that are neither `@Public()` nor limited by `@Roles(...)`: each one is a hole. */
export function findUnguardedRoutes(app: INestApplication | ModulesContainer): RouteInfo[] {
  return listRoutes(app).filter((r) => !r.isPublic && r.roles.length === 0);
}

/** Routes that are both public and role-limited: contradictory, the role list would be ignored. */
export function findAmbiguousRoutes(app: INestApplication | ModulesContainer): RouteInfo[] {
  return listRoutes(app).filter((r) => r.isPublic && r.roles.length > 0);
}

/** `"GET /households/:id (HouseholdsController.get)"`, for readable failures. */
export function describeRoute(route: RouteInfo): string {
  return `${route.method} ${route.path} (${route.controller}.${route.handler})`;
}
