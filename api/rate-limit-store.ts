import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Sql } from 'postgres';

/**
 * A fixed-window counter in PostgreSQL, so that every API instance counts together and none keeps state
 * in memory.
 */
export function postgresRateLimitStore(sql: Sql) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(_options?: unknown, private readonly prefix = '') {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number) {
      const windowMs = timeWindow ?? 60_000;
      sql<{ count: number; ttl: number }[]>`
        insert into rate_limits (key, count, reset_at) values (${this.prefix + key}, 1, now() + ${windowMs} * interval '1 millisecond')
        on conflict (key) do update set
          count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
        returning count, ceil(extract(epoch from reset_at - now()) * 1000)::int as ttl`
        .then(([row]) => callback(null, { current: row!.count, ttl: row!.ttl }), callback);
      if (Math.random() < 0.01) sql`delete from rate_limits where reset_at < now() - interval '1 hour'`.catch(() => {});
    }

    // The plugin passes the route's merged options, with the route itself under `routeInfo`.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(undefined, `${route.method}:${route.url}:`);
    }
  };
}
