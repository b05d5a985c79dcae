import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Each operation of the OpenAPI document declares the scheme its route checks, read from the route's own
 * `onRequest` guard (so a new route cannot forget it): requireAccount and requireSupport take an account API token,
 * requireAdmin the admin key; a route without a guard declares none. The console's Authorize then sends the token.
 */
export function declareSecurity(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const guards = [route.onRequest ?? []].flat();
    const scheme = guards.includes(app.requireAdmin)
      ? 'admin'
      : guards.includes(app.requireAccount) || guards.includes(app.requireSupport)
        ? 'account'
        : null;
    if (!scheme) return;
    route.schema = Object.assign(route.schema ?? {}, { security: [{ [scheme]: [] }] });
  });
}
