import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql as drizzleSql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Db } from './client.js';
import { rateLimits } from './schema.js';

/** How long an instance may keep counts to itself before it adds them to the shared counter. */
export const RATE_LIMIT_FLUSH_MS = 100;

interface Window {
  /** The shared count at the last write, ours included. */
  shared: number;
  /** Counted here since then. */
  pending: number;
  resetAt: number;
  /** When the shared count was last read. */
  syncedAt: number;
  /** A write that every count waits for: the window's first, or the first after a quiet spell. */
  opening: Promise<void> | null;
  flushing: boolean;
}

type Result = { current: number; ttl: number };

/**
 * A fixed-window counter per key, kept in PostgreSQL so that every API instance counts together. Each instance
 * writes a burst's counts in one upsert per key every RATE_LIMIT_FLUSH_MS, not one per request: a burst of guesses
 * from one address would otherwise queue on the lock of one row. The first count after a quiet spell is written at
 * once. An instance alone counts exactly; instances together may let through, beyond the limit, what the others
 * counted in the last RATE_LIMIT_FLUSH_MS.
 */
export function postgresRateLimitStore(sql: Sql) {
  const windows = new Map<string, Window>();

  const add = async (key: string, n: number, windowMs: number) => {
    const [row] = await sql<{ count: number; ttl: number }[]>`
      insert into rate_limits (key, count, reset_at) values (${key}, ${n}, now() + ${windowMs} * interval '1 millisecond')
      on conflict (key) do update set
        count = case when rate_limits.reset_at <= now() then ${n} else rate_limits.count + ${n} end,
        reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
      returning count, ceil(extract(epoch from reset_at - now()) * 1000)::int as ttl`;
    if (Math.random() < 0.01) sql`delete from rate_limits where reset_at < now() - interval '1 hour'`.catch(() => {});
    return { count: row!.count, resetAt: Date.now() + row!.ttl };
  };

  const flush = (key: string, w: Window, windowMs: number) => {
    if (w.flushing) return;
    w.flushing = true;
    setTimeout(() => {
      const n = w.pending;
      w.pending = 0;
      add(key, n, windowMs)
        .then(
          ({ count, resetAt }) => {
            w.shared = count;
            w.resetAt = resetAt;
            w.syncedAt = Date.now();
          },
          () => {
            // PostgreSQL is away: keep the counts for the next write, while their window lasts.
            if (w.resetAt > Date.now()) w.pending += n;
          },
        )
        .finally(() => {
          w.flushing = false;
          if (w.pending > 0) flush(key, w, windowMs);
        });
    }, RATE_LIMIT_FLUSH_MS).unref();
  };

  // Windows that ended with nothing left to write are forgotten once a minute.
  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    const now = Date.now();
    for (const [key, w] of windows)
      if (w.resetAt <= now && !w.opening && !w.flushing && w.pending === 0) windows.delete(key);
  };

  const count = async (key: string, windowMs: number): Promise<Result> => {
    sweeper ??= setInterval(sweep, 60_000).unref();
    const w = windows.get(key);
    if (w?.opening) {
      // The window's first write is under way: count once it is done (or fail with it).
      await w.opening;
      return count(key, windowMs);
    }
    const now = Date.now();
    // Within a burst, counted here and written with the next flush; after a quiet spell, written at once, so that
    // what the other instances counted meanwhile is known.
    if (w && w.resetAt > now && (w.flushing || now - w.syncedAt <= RATE_LIMIT_FLUSH_MS)) {
      w.pending += 1;
      flush(key, w, windowMs);
      return { current: w.shared + w.pending, ttl: w.resetAt - Date.now() };
    }
    // A new window, or a quiet one (nothing left to write): this count is written at once, and tells what the
    // other instances have counted.
    const opened: Window = { shared: 0, pending: 0, resetAt: 0, syncedAt: 0, opening: null, flushing: false };
    opened.opening = add(key, 1, windowMs)
      .then(({ count: shared, resetAt }) => {
        opened.shared = shared;
        opened.resetAt = resetAt;
        opened.syncedAt = Date.now();
      })
      .finally(() => {
        opened.opening = null;
      });
    windows.set(key, opened);
    try {
      await opened.opening;
    } catch (err) {
      if (windows.get(key) === opened) windows.delete(key);
      throw err;
    }
    return { current: opened.shared + opened.pending, ttl: opened.resetAt - Date.now() };
  };

  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: Result) => void, timeWindow?: number) {
      count(this.prefix + key, timeWindow ?? 60_000).then((result) => callback(null, result), callback);
    }

    // The plugin passes the route's merged options, with the route itself under `routeInfo`.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(undefined, `${route.method}:${route.url}:`);
    }
  };
}

/**
 * Counts one more attempt under `key` (a key of its own, such as "two-step:<session>"), in the same table, within a
 * window that ends at `until`; the count, this attempt included. One statement: attempts made at once are all counted.
 */
export async function countAttempt(db: Db, key: string, until: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: until })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: drizzleSql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: drizzleSql`case when ${rateLimits.resetAt} <= now() then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}
