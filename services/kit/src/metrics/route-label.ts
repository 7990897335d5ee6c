import type { Request } from 'express';

const routeLabelKey = Symbol('kit.routeLabel');
const routeKey = Symbol('kit.route');

type Labelled = Request & { [routeLabelKey]?: string; [routeKey]?: unknown };

/** Label of requests no route matched (404s, errors raised before routing). */
export const unmatchedRoute = 'unmatched';

function routePath(route: unknown): string {
  const path = (route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : String(path);
}

/**
 * Records the route TEMPLATE (`/catalog/products/:id`) when Express matches a route: Express assigns
 * `req.route` at that moment, while `req.baseUrl` still holds the router's mount path (it is reset when an
 * error leaves the router, so reading both later would lose the prefix). Installed once on the app's
 * request prototype, so it costs one string concatenation per matched request. Mount routers at literal
 * prefixes: a parametric mount path would appear with its raw values.
 */
export function captureRouteTemplates(requestPrototype: object): void {
  Object.defineProperty(requestPrototype, 'route', {
    configurable: true,
    get(this: Labelled) {
      return this[routeKey];
    },
    set(this: Labelled, route: unknown) {
      this[routeKey] = route;
      this[routeLabelKey] = (this.baseUrl ?? '') + routePath(route);
    },
  });
}

/** Sets the label explicitly (e.g. the fault pattern of a request answered before routing). */
export function setRouteLabel(req: Request, label: string): void {
  (req as Labelled)[routeLabelKey] = label;
}

export function routeLabel(req: Request): string {
  return (req as Labelled)[routeLabelKey] ?? unmatchedRoute;
}
